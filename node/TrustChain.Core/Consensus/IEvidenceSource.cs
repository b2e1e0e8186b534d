namespace TrustChain.Core.Consensus;

/// <summary>
/// Where a proposer takes evidence for its block (the engine's evidence pool) and how it learns which evidence a
/// committed block carried. Items are encoded <see cref="DoubleSignEvidence"/>; the chain re-checks each against its
/// state and leaves out what it would not accept.
/// </summary>
public interface IEvidenceSource
{
    /// <summary>Up to <paramref name="max"/> candidate items for the block at <paramref name="height"/>, in a deterministic order.</summary>
    IReadOnlyList<byte[]> GetPendingEvidence(ulong height, int max);

    /// <summary>The block at <paramref name="height"/> was committed with <paramref name="included"/>; never propose those again.</summary>
    void OnEvidenceCommitted(ulong height, IReadOnlyList<byte[]> included);
}
