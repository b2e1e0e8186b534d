using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// Hands a block to the chain with the senders of its pooled transactions already filled in from the pool
/// (<see cref="ChainTxPool.FillKnownSenders"/>): under load nearly every transaction of a peer's proposal arrived by
/// gossip first, so validating the proposal would otherwise recover every signature a second time.
/// </summary>
public sealed class PoolSenderApplication : IBlockApplication
{
    private readonly IBlockApplication _inner;
    private readonly ChainTxPool _pool;

    public PoolSenderApplication(IBlockApplication inner, ChainTxPool pool)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(pool);
        _inner = inner;
        _pool = pool;
    }

    public BlockProposal Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit) =>
        _inner.Propose(height, proposer, timestampMs, lastCommit);

    public bool Validate(Block block, out string? error)
    {
        ArgumentNullException.ThrowIfNull(block);
        _pool.FillKnownSenders(block.Transactions);
        return _inner.Validate(block, out error);
    }

    public void Commit(Block block, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(block);
        _pool.FillKnownSenders(block.Transactions);
        _inner.Commit(block, commit);
    }
}
