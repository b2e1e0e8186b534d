using TrustChain.Core.Blocks;

namespace TrustChain.Core.Consensus;

/// <summary>
/// What the consensus engine drives: propose a block, judge a proposal, commit the decided block. It lives in Core
/// so that the engine (TrustChain.Consensus) depends on Core only; the chain (TrustChain.Chain) implements it.
/// </summary>
public interface IBlockApplication
{
    /// <param name="height">Must be head + 1.</param>
    /// <param name="timestampMs">Chosen by consensus, strictly greater than the parent's.</param>
    /// <param name="lastCommit">The commit for block height − 1; when null the stored one is used.</param>
    BlockProposal Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit);

    /// <summary>Full validation (header rules, execution, roots) against the current head; never throws for a bad block.</summary>
    bool Validate(Block block, out string? error);

    /// <summary>Persists the decided block with the commit that finalised it. Throws if the block is invalid.</summary>
    void Commit(Block block, Commit commit);
}
