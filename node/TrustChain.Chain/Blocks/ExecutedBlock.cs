using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// A block together with the post-state overlay and receipts its execution produced, so committing it does not
/// execute it again. The overlay is single-use: commit it once, or drop it.
/// </summary>
public sealed class ExecutedBlock
{
    public ExecutedBlock(Block block, WorldState state, IReadOnlyList<TxReceipt> receipts, BlockExecutionResult execution)
    {
        Block = block;
        State = state;
        Receipts = receipts;
        Execution = execution;
    }

    public Block Block { get; }

    public WorldState State { get; }

    /// <summary>Receipts with block hash, number and positions filled in.</summary>
    public IReadOnlyList<TxReceipt> Receipts { get; }

    public BlockExecutionResult Execution { get; }
}
