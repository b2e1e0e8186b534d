using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Sync;

/// <summary>A block as block sync transfers it: with the commit (+2/3 precommits) that finalised it.</summary>
public sealed record SyncBlock(Block Block, Commit Commit);
