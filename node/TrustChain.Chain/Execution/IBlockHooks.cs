using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Execution;

/// <summary>
/// Begin/end-of-block work that is not triggered by a transaction (epoch processing, reward payouts, unbonding).
/// Hooks run in registration order inside the block's state, so their effects reach the state root.
/// </summary>
public interface IBlockHooks
{
    void BeginBlock(WorldState state, BlockContext block);

    void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts);
}
