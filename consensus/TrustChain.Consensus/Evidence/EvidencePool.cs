using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Consensus;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Evidence;

/// <summary>
/// Verified, not-yet-included double-sign evidence, deduplicated per offence (validator, height, round, type): one
/// offence is punished once however many conflicting pairs are seen. Evidence older than <c>maxAgeHeights</c> (the
/// chain's unbonding period: the chain refuses it after that) expires. Thread-safe.
/// <para>
/// Lifecycle: the engine's conflicts and peers' gossip go to <see cref="TryAdd"/> (or <see cref="TryAddEncoded"/>);
/// as the chain's <see cref="IEvidenceSource"/> it hands pending items to the proposer, and committed blocks'
/// evidence marks offences as done and prunes what expired.
/// </para>
/// </summary>
public sealed class EvidencePool : IEvidenceSource
{
    private readonly IValidatorSetProvider _validators;
    private readonly ulong _chainId;
    private readonly ulong _maxAgeHeights;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<OffenceKey, DuplicateVoteEvidence> _pending = new();
    private readonly SortedSet<OffenceKey> _committed = [];

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

    /// <summary>
    /// Null when <paramref name="evidence"/> would be accepted at <paramref name="currentHeight"/> (the height being
    /// decided): from a past height within the age limit, by a member of that height's validator set, both signatures
    /// valid for this chain. The structural rules (same validator, height, round and type, different values) hold by
    /// construction. Says nothing about whether the offence is already known.
    /// </summary>
    public string? Verify(DuplicateVoteEvidence evidence, ulong currentHeight)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Height == 0 || evidence.Height > currentHeight)
        {
            return $"Evidence height {evidence.Height} is not a past or current height (current {currentHeight}).";
        }

        if (currentHeight - evidence.Height > _maxAgeHeights)
        {
            return $"Evidence from height {evidence.Height} is older than {_maxAgeHeights} heights.";
        }

        return evidence.Verify(_validators.GetValidatorSet(evidence.Height), _chainId, out string? error) ? null : error;
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

        // Signature checks run outside the lock: gossip floods must not stall the proposer.
        error = Verify(evidence, currentHeight);
        if (error is not null)
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

    /// <summary>
    /// <see cref="TryAdd"/> for a gossiped evidence body (the bytes of <see cref="DuplicateVoteEvidence.Encode"/>, also
    /// the block evidence item); malformed bytes are refused with the decoder's reason.
    /// </summary>
    public bool TryAddEncoded(ReadOnlySpan<byte> encoded, ulong currentHeight, out string? error)
    {
        DuplicateVoteEvidence evidence;
        try
        {
            evidence = DuplicateVoteEvidence.Decode(encoded);
        }
        catch (RlpException e)
        {
            error = $"Malformed evidence: {e.Message}";
            return false;
        }

        return TryAdd(evidence, currentHeight, out error);
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

    /// <summary>Encoded pending items still young enough for the block at <paramref name="height"/>, oldest offence first.</summary>
    public IReadOnlyList<byte[]> GetPendingEvidence(ulong height, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        List<byte[]> result = [];
        lock (_lock)
        {
            foreach (KeyValuePair<OffenceKey, DuplicateVoteEvidence> entry in _pending)
            {
                if (result.Count == max)
                {
                    break;
                }

                if (entry.Key.Height < height && height - entry.Key.Height <= _maxAgeHeights)
                {
                    result.Add(entry.Value.Encode());
                }
            }
        }

        return result;
    }

    /// <summary>Marks the offences of a committed block's evidence as done and drops what has expired at that height.</summary>
    public void OnEvidenceCommitted(ulong height, IReadOnlyList<byte[]> included)
    {
        ArgumentNullException.ThrowIfNull(included);
        List<DuplicateVoteEvidence> decoded = new(included.Count);
        foreach (byte[] item in included)
        {
            try
            {
                decoded.Add(DuplicateVoteEvidence.Decode(item));
            }
            catch (RlpException)
            {
                // The chain accepted the block, so its evidence decodes; nothing to learn from an item that does not.
            }
        }

        MarkCommitted(decoded);
        Prune(height);
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

    /// <summary>
    /// Drops pending evidence that has become too old at <paramref name="currentHeight"/>, and the memory of committed
    /// offences that old (the age rule alone now refuses them).
    /// </summary>
    public void Prune(ulong currentHeight)
    {
        if (currentHeight <= _maxAgeHeights)
        {
            return;
        }

        ulong oldestAllowed = currentHeight - _maxAgeHeights;
        lock (_lock)
        {
            List<OffenceKey> stale = [];
            foreach (OffenceKey key in _pending.Keys)
            {
                if (key.Height >= oldestAllowed)
                {
                    break;
                }

                stale.Add(key);
            }

            foreach (OffenceKey key in stale)
            {
                _pending.Remove(key);
            }

            _committed.RemoveWhere(key => key.Height < oldestAllowed);
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
