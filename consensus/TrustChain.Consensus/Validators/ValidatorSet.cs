using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Validators;

/// <summary>
/// The validators of one height: stake-weighted thresholds and CometBFT's weighted round-robin proposer selection
/// (ProposerPriority: every increment adds each validator's power, the highest priority — ties to the lower
/// address — proposes and pays back the total power; priorities are rescaled to a window of 2·total and centred on
/// their average first). All integer arithmetic, so every node computes the same proposer.
/// </summary>
public sealed class ValidatorSet
{
    /// <summary>Keeps priority arithmetic far from overflow, as CometBFT does.</summary>
    public const long MaxTotalVotingPower = long.MaxValue / 8;

    private const long PriorityWindowSizeFactor = 2;

    private readonly Validator[] _validators;
    private readonly Dictionary<Address, int> _indexByAddress;
    private Validator? _proposer;
    private Hash256? _hash;

    public ValidatorSet(IEnumerable<Validator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        List<Validator> list = [];
        foreach (Validator validator in validators)
        {
            ArgumentNullException.ThrowIfNull(validator, nameof(validators));
            list.Add(validator.Copy());
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A validator set needs at least one validator.", nameof(validators));
        }

        // CometBFT's canonical order: power descending, then address ascending.
        list.Sort(static (a, b) => a.VotingPower != b.VotingPower ? b.VotingPower.CompareTo(a.VotingPower) : a.Address.CompareTo(b.Address));
        _validators = list.ToArray();
        _indexByAddress = new Dictionary<Address, int>(_validators.Length);
        long total = 0;
        for (int i = 0; i < _validators.Length; i++)
        {
            if (!_indexByAddress.TryAdd(_validators[i].Address, i))
            {
                throw new ArgumentException($"Validator {_validators[i].Address} appears twice.", nameof(validators));
            }

            total += _validators[i].VotingPower;
            if (total > MaxTotalVotingPower)
            {
                throw new ArgumentException($"Total voting power exceeds {MaxTotalVotingPower}.", nameof(validators));
            }
        }

        TotalVotingPower = total;
    }

    private ValidatorSet(ValidatorSet other)
    {
        _validators = new Validator[other._validators.Length];
        for (int i = 0; i < _validators.Length; i++)
        {
            _validators[i] = other._validators[i].Copy();
        }

        _indexByAddress = other._indexByAddress;
        TotalVotingPower = other.TotalVotingPower;
        _proposer = other._proposer is null ? null : _validators[other._indexByAddress[other._proposer.Address]];
        _hash = other._hash;
    }

    public long TotalVotingPower { get; }

    public int Count => _validators.Length;

    /// <summary>Validators in canonical order (power descending, address ascending).</summary>
    public IReadOnlyList<Validator> Validators => _validators;

    /// <summary>keccak(rlp([[address, publicKey, power], ...])) in canonical order; priorities are not included.</summary>
    public Hash256 Hash => _hash ??= ComputeHash();

    /// <summary>The proposer chosen by the last increment, or the highest priority when the set was never incremented.</summary>
    public Validator Proposer => _proposer ??= FindHighestPriority();

    /// <summary>A set as CometBFT's NewValidatorSet builds it: equal starting priorities, then one increment.</summary>
    public static ValidatorSet CreateGenesis(IEnumerable<Validator> validators)
    {
        ValidatorSet set = new(validators);
        foreach (Validator validator in set._validators)
        {
            validator.ProposerPriority = 0;
        }

        set.IncrementProposerPriority(1);
        return set;
    }

    public ValidatorSet Copy() => new(this);

    /// <summary>Power strictly above 2/3 of the total (the BFT quorum "2f+1").</summary>
    public bool HasTwoThirdsMajority(long power) => power * 3 > TotalVotingPower * 2;

    /// <summary>Power strictly above 1/3 of the total ("f+1": at least one honest validator is included).</summary>
    public bool HasOneThirdPlus(long power) => power * 3 > TotalVotingPower;

    public bool Contains(in Address address) => _indexByAddress.ContainsKey(address);

    public bool TryGetValidator(in Address address, out Validator validator)
    {
        if (_indexByAddress.TryGetValue(address, out int index))
        {
            validator = _validators[index];
            return true;
        }

        validator = null!;
        return false;
    }

    /// <summary>The voting power of <paramref name="address"/>, 0 when it is not in the set.</summary>
    public long VotingPowerOf(in Address address) => _indexByAddress.TryGetValue(address, out int index) ? _validators[index].VotingPower : 0;

    /// <summary>Runs <paramref name="times"/> proposer rounds (rescaling and centring once first, as CometBFT does).</summary>
    public void IncrementProposerPriority(int times)
    {
        if (times <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "Must increment at least once.");
        }

        RescalePriorities(PriorityWindowSizeFactor * TotalVotingPower);
        ShiftByAveragePriority();
        Validator proposer = _validators[0];
        for (int i = 0; i < times; i++)
        {
            proposer = IncrementOnce();
        }

        _proposer = proposer;
    }

    /// <summary>The proposer of round <paramref name="round"/> when this set holds the priorities of round 0.</summary>
    public Address GetProposerForRound(int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (round == 0)
        {
            return Proposer.Address;
        }

        ValidatorSet copy = Copy();
        copy.IncrementProposerPriority(round);
        return copy.Proposer.Address;
    }

    private Validator IncrementOnce()
    {
        foreach (Validator validator in _validators)
        {
            validator.ProposerPriority = AddClip(validator.ProposerPriority, validator.VotingPower);
        }

        Validator most = FindHighestPriority();
        most.ProposerPriority = SubClip(most.ProposerPriority, TotalVotingPower);
        return most;
    }

    private Validator FindHighestPriority()
    {
        Validator best = _validators[0];
        for (int i = 1; i < _validators.Length; i++)
        {
            Validator candidate = _validators[i];
            if (candidate.ProposerPriority > best.ProposerPriority
                || (candidate.ProposerPriority == best.ProposerPriority && candidate.Address.CompareTo(best.Address) < 0))
            {
                best = candidate;
            }
        }

        return best;
    }

    private void RescalePriorities(long diffMax)
    {
        if (diffMax <= 0)
        {
            return;
        }

        long max = long.MinValue;
        long min = long.MaxValue;
        foreach (Validator validator in _validators)
        {
            max = Math.Max(max, validator.ProposerPriority);
            min = Math.Min(min, validator.ProposerPriority);
        }

        // Priorities are clipped to ±MaxTotalVotingPower·k, far inside long, so the difference cannot overflow.
        long diff = max - min;
        if (diff > diffMax)
        {
            long ratio = (diff + diffMax - 1) / diffMax;
            foreach (Validator validator in _validators)
            {
                validator.ProposerPriority /= ratio;
            }
        }
    }

    private void ShiftByAveragePriority()
    {
        Int128 sum = 0;
        foreach (Validator validator in _validators)
        {
            sum += validator.ProposerPriority;
        }

        // Go's big.Int.Div is Euclidean: with a positive divisor it rounds toward negative infinity.
        Int128 count = _validators.Length;
        Int128 quotient = sum / count;
        if (sum % count < 0)
        {
            quotient -= 1;
        }

        long average = (long)quotient;
        foreach (Validator validator in _validators)
        {
            validator.ProposerPriority = SubClip(validator.ProposerPriority, average);
        }
    }

    private static long AddClip(long a, long b)
    {
        long result = unchecked(a + b);
        if (((a ^ result) & (b ^ result)) < 0)
        {
            return b > 0 ? long.MaxValue : long.MinValue;
        }

        return result;
    }

    private static long SubClip(long a, long b)
    {
        long result = unchecked(a - b);
        if (((a ^ b) & (a ^ result)) < 0)
        {
            return b < 0 ? long.MaxValue : long.MinValue;
        }

        return result;
    }

    private Hash256 ComputeHash()
    {
        int content = 0;
        foreach (Validator validator in _validators)
        {
            content += Rlp.LengthOfList(ItemLength(validator));
        }

        byte[] encoded = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        foreach (Validator validator in _validators)
        {
            writer.WriteListHeader(ItemLength(validator));
            writer.WriteAddress(validator.Address);
            writer.WriteBytes(validator.PublicKey);
            writer.WriteUInt64((ulong)validator.VotingPower);
        }

        return Keccak256.Compute(encoded);
    }

    private static int ItemLength(Validator validator) =>
        Rlp.LengthOf(validator.Address) + Rlp.LengthOf(validator.PublicKey) + Rlp.LengthOf((ulong)validator.VotingPower);
}
