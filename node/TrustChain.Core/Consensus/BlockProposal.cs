using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Core.Consensus;

/// <summary>
/// A block proposed by this node, already executed by the application (which keeps the post-state, so committing
/// it is just a write). The receipts are the execution's outcome, for logging and metrics.
/// </summary>
public sealed class BlockProposal
{
    public BlockProposal(Block block, IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(receipts);
        Block = block;
        Receipts = receipts;
    }

    public Block Block { get; }

    public IReadOnlyList<TxReceipt> Receipts { get; }
}
