using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;

namespace TrustChain.Consensus.Evidence;

/// <summary>
/// Verified, not-yet-included double-sign evidence, deduplicated per offence (validator, height, round, type):
/// one offence is punished once however many conflicting pairs are seen. Thread-safe.
/// </summary>
public sealed class EvidencePool
{
    private readonly IValidatorSetProvider _validators;
    private readonly ulong _chainId;
    private readonly ulong _maxAgeHeights;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<OffenceKey, DuplicateVoteEvidence> _pending = new();
    private readonly HashSet<OffenceKey> _committed = [];

    /// <param name="maxAgeHeights">Evidence older than this many heights below the current one is refused and pruned.</param>
    public EvidencePool(IValidatorSetProvider validators, ulong chainId, ulong maxAgeHeights = 100_000)
    {
        ArgumentNullException.ThrowIfNull(validators);
        ArgumentOutOfRangeException.ThrowIfZero(maxAgeHeights);
        _validators = validators;
        _chainId = chainId;
        _maxAgeHeights = maxAgeHeights;
    }

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Verifies and adds; false (with the reason) when invalid, too old, already pending or already committed.</summary>
    public bool TryAdd(DuplicateVoteEvidence evidence, ulong currentHeight, out string? error)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        OffenceKey key = OffenceKey.Of(evidence);
        lock (_lock)
        {
            if (_pending.ContainsKey(key) || _committed.Contains(key))
            {
                error = "Evidence for this offence is already known.";
                return false;
            }
        }

        if (evidence.Height == 0 || evidence.Height > currentHeight)
        {
            error = $"Evidence height {evidence.Height} is not a past or current height (current {currentHeight}).";
            return false;
        }

        if (currentHeight - evidence.Height > _maxAgeHeights)
        {
            error = $"Evidence from height {evidence.Height} is older than {_maxAgeHeights} heights.";
            return false;
        }

        if (!evidence.Verify(_validators.GetValidatorSet(evidence.Height), _chainId, out error))
        {
            return false;
        }

        lock (_lock)
        {
            if (_committed.Contains(key) || !_pending.TryAdd(key, evidence))
            {
                error = "Evidence for this offence is already known.";
                return false;
            }
        }

        return true;
    }

    /// <summary>Up to <paramref name="max"/> pending items in a deterministic order (height, round, type, validator).</summary>
    public IReadOnlyList<DuplicateVoteEvidence> GetPending(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_lock)
        {
            List<DuplicateVoteEvidence> result = new(Math.Min(max, _pending.Count));
            foreach (DuplicateVoteEvidence evidence in _pending.Values)
            {
                if (result.Count == max)
                {
                    break;
                }

                result.Add(evidence);
            }

            return result;
        }
    }

    /// <summary>Records that a block included these items, so they are never proposed or accepted again.</summary>
    public void MarkCommitted(IEnumerable<DuplicateVoteEvidence> included)
    {
        ArgumentNullException.ThrowIfNull(included);
        lock (_lock)
        {
            foreach (DuplicateVoteEvidence evidence in included)
            {
                OffenceKey key = OffenceKey.Of(evidence);
                _pending.Remove(key);
                _committed.Add(key);
            }
        }
    }

    /// <summary>Drops pending evidence that has become too old at <paramref name="currentHeight"/>.</summary>
    public void Prune(ulong currentHeight)
    {
        lock (_lock)
        {
            List<OffenceKey> stale = [];
            foreach (OffenceKey key in _pending.Keys)
            {
                if (currentHeight > key.Height && currentHeight - key.Height > _maxAgeHeights)
                {
                    stale.Add(key);
                }
            }

            foreach (OffenceKey key in stale)
            {
                _pending.Remove(key);
            }
        }
    }

    private readonly record struct OffenceKey(ulong Height, int Round, VoteType Type, Address Validator) : IComparable<OffenceKey>
    {
        public static OffenceKey Of(DuplicateVoteEvidence evidence) =>
            new(evidence.Height, evidence.VoteA.Round, evidence.VoteA.Type, evidence.Validator);

        public int CompareTo(OffenceKey other)
        {
            int c = Height.CompareTo(other.Height);
            if (c == 0)
            {
                c = Round.CompareTo(other.Round);
            }

            if (c == 0)
            {
                c = Type.CompareTo(other.Type);
            }

            return c != 0 ? c : Validator.CompareTo(other.Validator);
        }
    }
}
