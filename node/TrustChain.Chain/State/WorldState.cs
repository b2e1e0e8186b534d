using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Chain.State;

/// <summary>
/// Mutable overlay over one committed root, for executing a block. Reads fall through dirty → clean cache →
/// the flat "state" column family (when the base is the latest root) or the tree (historic base). Every write
/// is journaled so a failed transaction can be undone with <see cref="Restore"/>. Not thread-safe.
/// </summary>
public sealed class WorldState : IStateReader
{
    private readonly StateDatabase _db;
    private readonly Dictionary<Address, Account> _dirtyAccounts = [];
    private readonly Dictionary<Address, Account> _cleanAccounts = [];
    private readonly Dictionary<Hash256, byte[]?> _dirtyStorage = [];
    private readonly Dictionary<Hash256, byte[]?> _cleanStorage = [];
    private readonly Dictionary<Address, Hash256> _accountKeys = [];
    private readonly List<JournalEntry> _journal = [];
    private StateRootInfo _base;
    private PendingCommit? _pending;
    private Hash256? _previewRoot;
    private PreparedStateRoot? _prepared;

    internal WorldState(StateDatabase db, StateRootInfo baseRoot)
    {
        _db = db;
        _base = baseRoot;
    }

    /// <summary>The committed root this overlay is based on (not including dirty changes; see <see cref="ComputeRoot"/>).</summary>
    public Hash256 StateRoot => _base.Root;

    /// <summary>Block number that committed <see cref="StateRoot"/>, null if none did (fresh database).</summary>
    public ulong? BaseVersion => _base.Version;

    public bool HasPendingCommit => _pending is not null;

    public Account GetAccount(Address a)
    {
        if (_dirtyAccounts.TryGetValue(a, out Account account) || _cleanAccounts.TryGetValue(a, out account))
        {
            return account;
        }

        byte[]? value = ReadBase(AccountKey(a));
        account = value is null ? Account.Empty : AccountEncoding.Decode(value);
        _cleanAccounts[a] = account;
        return account;
    }

    public void SetAccount(Address a, Account account)
    {
        bool existed = _dirtyAccounts.TryGetValue(a, out Account previous);
        _journal.Add(JournalEntry.ForAccount(a, existed, previous));
        _dirtyAccounts[a] = account;
        InvalidatePreview();
    }

    public UInt256 GetBalance(Address a) => GetAccount(a).Balance;

    public ulong GetNonce(Address a) => GetAccount(a).Nonce;

    public void AddBalance(Address a, in UInt256 amount)
    {
        Account account = GetAccount(a);
        if (UInt256.AddOverflow(account.Balance, amount, out UInt256 balance))
        {
            throw new OverflowException($"Balance of {a} would overflow 2^256 adding {amount}.");
        }

        SetAccount(a, account with { Balance = balance });
    }

    /// <exception cref="InsufficientBalanceException">The balance is below <paramref name="amount"/>; nothing changes.</exception>
    public void SubtractBalance(Address a, in UInt256 amount)
    {
        Account account = GetAccount(a);
        if (UInt256.SubtractUnderflow(account.Balance, amount, out UInt256 balance))
        {
            throw new InsufficientBalanceException(a, account.Balance, amount);
        }

        SetAccount(a, account with { Balance = balance });
    }

    public void IncrementNonce(Address a)
    {
        Account account = GetAccount(a);
        if (account.Nonce == ulong.MaxValue)
        {
            throw new OverflowException($"Nonce of {a} is at its maximum.");
        }

        SetAccount(a, account with { Nonce = account.Nonce + 1 });
    }

    public byte[]? GetStorage(Address contract, ReadOnlySpan<byte> slot) => GetStorage(StateKeys.Storage(contract, slot));

    /// <summary>Reads by raw state key (<see cref="StateKeys.Storage"/>).</summary>
    public byte[]? GetStorage(in Hash256 stateKey)
    {
        if (_dirtyStorage.TryGetValue(stateKey, out byte[]? value) || _cleanStorage.TryGetValue(stateKey, out value))
        {
            return value;
        }

        value = ReadBase(stateKey);
        _cleanStorage[stateKey] = value;
        return value;
    }

    /// <summary>
    /// Reads the base values of the slots not read or written yet in one batched lookup, so that the
    /// <see cref="GetStorage(in Hash256)"/> calls that follow hit the overlay. Only a latest-root overlay batches (a
    /// historic one reads through the tree key by key anyway); it changes nothing observable. A key listed twice is
    /// simply looked up twice.
    /// </summary>
    public void PrefetchStorage(ReadOnlySpan<Hash256> stateKeys)
    {
        if (stateKeys.Length < 2 || !_db.IsLatest(_base))
        {
            return;
        }

        Hash256[] missing = new Hash256[stateKeys.Length];
        int count = 0;
        for (int i = 0; i < stateKeys.Length; i++)
        {
            if (!_dirtyStorage.ContainsKey(stateKeys[i]) && !_cleanStorage.ContainsKey(stateKeys[i]))
            {
                missing[count++] = stateKeys[i];
            }
        }

        if (count == 0)
        {
            return;
        }

        byte[] packed = new byte[count * Hash256.Length];
        for (int i = 0; i < count; i++)
        {
            missing[i].Bytes.CopyTo(packed.AsSpan(i * Hash256.Length));
        }

        byte[]?[] values = new byte[count][];
        _db.GetFlatMany(packed, values);
        for (int i = 0; i < count; i++)
        {
            _cleanStorage[missing[i]] = values[i];
        }
    }

    /// <summary>An empty <paramref name="value"/> deletes the slot. The value is copied.</summary>
    public void SetStorage(Address contract, ReadOnlySpan<byte> slot, ReadOnlySpan<byte> value) =>
        SetStorage(StateKeys.Storage(contract, slot), value);

    public void SetStorage(in Hash256 stateKey, ReadOnlySpan<byte> value)
    {
        bool existed = _dirtyStorage.TryGetValue(stateKey, out byte[]? previous);
        _journal.Add(JournalEntry.ForStorage(stateKey, existed, previous));
        _dirtyStorage[stateKey] = value.IsEmpty ? null : value.ToArray();
        InvalidatePreview();
    }

    /// <summary>A marker for <see cref="Restore"/>: everything written after it can be undone.</summary>
    public int TakeSnapshot() => _journal.Count;

    /// <summary>Undoes every write made since <paramref name="snapshot"/> was taken (inner snapshots are discarded too).</summary>
    public void Restore(int snapshot)
    {
        if (snapshot < 0 || snapshot > _journal.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot,
                $"Snapshot is not valid for this state (journal holds {_journal.Count} entries; it may already have been restored past or committed).");
        }

        for (int i = _journal.Count - 1; i >= snapshot; i--)
        {
            JournalEntry entry = _journal[i];
            if (entry.IsAccount)
            {
                if (entry.Existed)
                {
                    _dirtyAccounts[entry.Address] = entry.PreviousAccount;
                }
                else
                {
                    _dirtyAccounts.Remove(entry.Address);
                }
            }
            else if (entry.Existed)
            {
                _dirtyStorage[entry.Key] = entry.PreviousValue;
            }
            else
            {
                _dirtyStorage.Remove(entry.Key);
            }
        }

        if (snapshot < _journal.Count)
        {
            _journal.RemoveRange(snapshot, _journal.Count - snapshot);
            InvalidatePreview();
        }
    }

    /// <summary>The root the base plus all dirty changes would have, computed without writing anything.</summary>
    public Hash256 ComputeRoot()
    {
        if (_previewRoot is { } cached)
        {
            return cached;
        }

        TreeUpdate[] updates = CollectUpdates(out int count);
        NodeRef root = _db.Tree.Update(_base.RootRef, updates, count, new TreeWriteSet(0, persist: false));
        _previewRoot = root.Hash;
        return root.Hash;
    }

    /// <summary>
    /// Stages the new tree nodes, the flat values, the stale index and the version records for block
    /// <paramref name="blockNumber"/> in <paramref name="batch"/>, and returns the new root. The overlay keeps its
    /// changes until <see cref="MarkCommitted"/>: if the batch is never written, nothing changed.
    /// </summary>
    public Hash256 Commit(WriteBatch batch, ulong blockNumber)
    {
        PreparedStateRoot prepared = Prepare(blockNumber);
        _pending = _db.Commit(_base, prepared, batch);
        _prepared = null;
        _previewRoot = _pending.Root.Root;
        return _pending.Root.Root;
    }

    /// <summary>
    /// Like <see cref="ComputeRoot()"/>, but keeps the new tree nodes as version <paramref name="blockNumber"/>, so
    /// that <see cref="Commit"/> of the same block without further changes writes them instead of recomputing them.
    /// </summary>
    public Hash256 ComputeRoot(ulong blockNumber) => Prepare(blockNumber).Root.Hash;

    private PreparedStateRoot Prepare(ulong version)
    {
        if (_prepared is { } ready && ready.Version == version)
        {
            return ready;
        }

        TreeUpdate[] updates = CollectUpdates(out int count);
        TreeWriteSet writes = _db.Tree.WriteSets.Rent(version, persist: true);
        NodeRef root = _db.Tree.Update(_base.RootRef, updates, count, writes);
        _prepared = new PreparedStateRoot(version, updates, count, writes, root);
        _previewRoot = root.Hash;
        return _prepared;
    }

    private void InvalidatePreview()
    {
        _previewRoot = null;
        _prepared = null;
    }

    /// <summary>Call once the batch from <see cref="Commit"/> is durably written: the overlay rebases onto the new root.</summary>
    public void MarkCommitted()
    {
        PendingCommit pending = _pending ?? throw new InvalidOperationException("There is no pending commit: call Commit first.");
        _db.OnCommitted(pending);
        foreach (KeyValuePair<Address, Account> account in _dirtyAccounts)
        {
            _cleanAccounts[account.Key] = account.Value;
        }

        foreach (KeyValuePair<Hash256, byte[]?> slot in _dirtyStorage)
        {
            _cleanStorage[slot.Key] = slot.Value;
        }

        _dirtyAccounts.Clear();
        _dirtyStorage.Clear();
        _journal.Clear();
        _base = pending.Root;
        _pending = null;
        InvalidatePreview();
    }

    private Hash256 AccountKey(Address a)
    {
        if (!_accountKeys.TryGetValue(a, out Hash256 key))
        {
            key = StateKeys.Account(a);
            _accountKeys[a] = key;
        }

        return key;
    }

    private byte[]? ReadBase(in Hash256 key) =>
        _db.IsLatest(_base) ? _db.GetFlat(key) : _db.Tree.Get(_base.RootRef, key);

    /// <summary>
    /// Dirty keys as tree updates in ascending key order — never dictionary order. Writes that restore the base
    /// value are dropped; a key whose base value was read is flagged so the tree skips reading its old leaf.
    /// </summary>
    private TreeUpdate[] CollectUpdates(out int count)
    {
        TreeUpdate[] updates = new TreeUpdate[_dirtyAccounts.Count + _dirtyStorage.Count];
        count = 0;
        foreach (KeyValuePair<Address, Account> account in _dirtyAccounts)
        {
            bool known = _cleanAccounts.TryGetValue(account.Key, out Account previous);
            if (known && previous == account.Value)
            {
                continue;
            }

            byte[]? value = account.Value.IsEmpty ? null : AccountEncoding.Encode(account.Value);
            updates[count++] = new TreeUpdate(AccountKey(account.Key), value, replacesExisting: known && !previous.IsEmpty);
        }

        foreach (KeyValuePair<Hash256, byte[]?> slot in _dirtyStorage)
        {
            bool known = _cleanStorage.TryGetValue(slot.Key, out byte[]? previous);
            if (known && (previous is null ? slot.Value is null : slot.Value is not null && previous.AsSpan().SequenceEqual(slot.Value)))
            {
                continue;
            }

            updates[count++] = new TreeUpdate(slot.Key, slot.Value, replacesExisting: known && previous is not null);
        }

        Array.Sort(updates, 0, count, TreeUpdateComparer.Instance);
        return updates;
    }
}
