using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// Storage of validator accountability in the Staking contract: processed evidence, the per-validator sliding window
/// of signed/missed commits (a bitmap of <c>downtimeWindow</c> bits, one 256-bit word per slot) and the scheduled
/// validator sets whose signatures the window counts.
/// </summary>
internal sealed class SlashingLedger
{
    private const int BitsPerWord = 256;
    private const int WordBytes = BitsPerWord / 8;

    private static readonly StorageMap EvidenceMap = StorageMap.Named("staking.evidence");
    private static readonly StorageMap ObservedMap = StorageMap.Named("staking.downtime.observed");
    private static readonly StorageMap MissedMap = StorageMap.Named("staking.downtime.missed");
    private static readonly StorageMap BitmapMap = StorageMap.Named("staking.downtime.bitmap");
    private static readonly StorageMap CurrentSetMap = StorageMap.Named("staking.valset.current");
    private static readonly StorageMap PreviousSetMap = StorageMap.Named("staking.valset.previous");
    private static readonly StorageSlot CurrentSetCountSlot = StorageSlot.Named("staking.valset.currentCount");
    private static readonly StorageSlot PreviousSetCountSlot = StorageSlot.Named("staking.valset.previousCount");
    private static readonly StorageSlot CurrentSetFromSlot = StorageSlot.Named("staking.valset.currentFrom");
    private static readonly StorageSlot PreviousSetFromSlot = StorageSlot.Named("staking.valset.previousFrom");

    private readonly ContractStorage _storage;

    public SlashingLedger(ContractStorage storage)
    {
        _storage = storage;
    }

    /// <summary>Block that included the evidence with this hash, or 0 if none did.</summary>
    public ulong GetEvidenceBlock(in Hash256 evidenceHash) => _storage.GetUInt64(EvidenceMap[evidenceHash]);

    public void RecordEvidence(in Hash256 evidenceHash, ulong blockNumber) => _storage.SetUInt64(EvidenceMap[evidenceHash], blockNumber);

    /// <summary>Commits counted since tracking (re)started; the window is full once this reaches its length.</summary>
    public ulong GetObserved(Address validator) => _storage.GetUInt64(ObservedMap[validator]);

    /// <summary>Missed commits among the last min(observed, window) ones.</summary>
    public ulong GetMissed(Address validator) => _storage.GetUInt64(MissedMap[validator]);

    /// <summary>
    /// Records whether <paramref name="validator"/> signed the next commit, overwriting the bit of the commit that left
    /// the window. Touches one bitmap word and two counters: O(1) however long the window. Returns (observed, missed).
    /// </summary>
    public (ulong Observed, ulong Missed) Record(Address validator, bool signed, ulong window)
    {
        StorageSlot observedSlot = ObservedMap[validator];
        StorageSlot missedSlot = MissedMap[validator];
        ulong observed = _storage.GetUInt64(observedSlot);
        ulong missed = _storage.GetUInt64(missedSlot);
        ulong index = observed % window;
        StorageSlot wordSlot = BitmapMap.Map(validator)[(UInt256)(index / BitsPerWord)];
        int bit = (int)(index % BitsPerWord);

        Span<byte> word = stackalloc byte[WordBytes];
        word.Clear();
        byte[] stored = _storage.GetBytes(wordSlot);
        stored.CopyTo(word);
        bool wasMissed = (word[bit >> 3] & (1 << (bit & 7))) != 0;
        bool isMissed = !signed;
        if (wasMissed != isMissed)
        {
            word[bit >> 3] ^= (byte)(1 << (bit & 7));
            // An all-zero word is stored as nothing, like every zero value in the contract's storage.
            if (word.ContainsAnyExcept((byte)0))
            {
                _storage.SetBytes(wordSlot, word);
            }
            else
            {
                _storage.Clear(wordSlot);
            }

            missed = isMissed ? missed + 1 : missed - 1;
            _storage.SetUInt64(missedSlot, missed);
        }

        observed++;
        _storage.SetUInt64(observedSlot, observed);
        return (observed, missed);
    }

    /// <summary>Starts the validator's window afresh (after a jail): nothing observed, nothing missed.</summary>
    public void ResetWindow(Address validator, ulong window)
    {
        StorageMap bitmap = BitmapMap.Map(validator);
        ulong words = (window + BitsPerWord - 1) / BitsPerWord;
        for (ulong i = 0; i < words; i++)
        {
            _storage.Clear(bitmap[(UInt256)i]);
        }

        _storage.Clear(ObservedMap[validator]);
        _storage.Clear(MissedMap[validator]);
    }

    /// <summary>First height signed by the current scheduled set; 0 until the schedule is initialised.</summary>
    public ulong GetCurrentSetFrom() => _storage.GetUInt64(CurrentSetFromSlot);

    /// <summary>First height signed by the previous scheduled set (0 when there is none).</summary>
    public ulong GetPreviousSetFrom() => _storage.GetUInt64(PreviousSetFromSlot);

    public Address[] GetCurrentSet() => ReadSet(CurrentSetMap, CurrentSetCountSlot);

    public Address[] GetPreviousSet() => ReadSet(PreviousSetMap, PreviousSetCountSlot);

    /// <summary>The current set becomes the previous one and <paramref name="next"/> signs heights from <paramref name="from"/> on.</summary>
    public void Schedule(IReadOnlyList<Address> next, ulong from)
    {
        Address[] current = GetCurrentSet();
        WriteSet(PreviousSetMap, PreviousSetCountSlot, current);
        _storage.SetUInt64(PreviousSetFromSlot, GetCurrentSetFrom());
        WriteSet(CurrentSetMap, CurrentSetCountSlot, next);
        _storage.SetUInt64(CurrentSetFromSlot, from);
    }

    private Address[] ReadSet(StorageMap map, StorageSlot countSlot)
    {
        ulong count = _storage.GetUInt64(countSlot);
        Address[] set = new Address[count];
        for (ulong i = 0; i < count; i++)
        {
            set[i] = _storage.GetAddress(map[(UInt256)i]);
        }

        return set;
    }

    private void WriteSet(StorageMap map, StorageSlot countSlot, IReadOnlyList<Address> set)
    {
        ulong old = _storage.GetUInt64(countSlot);
        for (int i = 0; i < set.Count; i++)
        {
            _storage.SetAddress(map[(UInt256)(ulong)i], set[i]);
        }

        for (ulong i = (ulong)set.Count; i < old; i++)
        {
            _storage.Clear(map[(UInt256)i]);
        }

        _storage.SetUInt64(countSlot, (ulong)set.Count);
    }
}
