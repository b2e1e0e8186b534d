using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// At the end of every epoch-boundary block (number % epochLength == 0, after its transactions so their fees count)
/// distributes each role's reward pool to its active members. Block hooks have no receipt, so the distribution's
/// events are not logged; the result is visible through pendingRewards/rewardPool.
/// </summary>
public sealed class StakingEpochHook : IBlockHooks
{
    private readonly StakingState _staking;

    public StakingEpochHook(StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(staking);
        _staking = staking;
    }

    public static bool IsEpochBoundary(ulong blockNumber, ulong epochLength) => blockNumber != 0 && blockNumber % epochLength == 0;

    // Nothing to do before the transactions: the epoch's pool closes after the boundary block's own fees.
    public void BeginBlock(WorldState state, BlockContext block)
    {
    }

    public void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (IsEpochBoundary(block.Number, _staking.Parameters.EpochLength))
        {
            _staking.DistributeEpochRewards(state, block.Number);
        }
    }
}
