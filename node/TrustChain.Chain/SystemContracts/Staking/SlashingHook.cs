using TrustChain.Chain.Consensus;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// Runs validator accountability in every block: before the transactions it punishes the block's double-sign
/// evidence (an unacceptable item makes the block invalid) and counts the carried last commit into the downtime
/// windows; after the epoch-boundary block's other hooks it schedules the next validator set. It is also the chain's
/// evidence handler, so proposals include exactly the evidence this hook will accept.
/// Block hooks have no receipt, so the slashing and jailing events are not logged; the outcome is visible through
/// stakeOf, jailedUntil, isTombstoned, signingInfo and evidenceBlock.
/// </summary>
public sealed class SlashingHook : IBlockHooks, IBlockEvidenceHandler
{
    private readonly ValidatorSlashing _slashing;

    public SlashingHook(ValidatorSlashing slashing)
    {
        ArgumentNullException.ThrowIfNull(slashing);
        _slashing = slashing;
    }

    public void BeginBlock(WorldState state, BlockContext block)
    {
        ArgumentNullException.ThrowIfNull(state);
        _slashing.EnsureSchedule(state, block.Number);
        _slashing.ApplyEvidence(state, block.Number, block.ChainId, block.Evidence);
        _slashing.RecordCommit(state, block.Number, block.ChainId, block.LastCommit);
    }

    public void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (StakingEpochHook.IsEpochBoundary(block.Number, _slashing.Staking.Parameters.EpochLength))
        {
            _slashing.ScheduleNextSet(state, block.Number);
        }
    }

    public IReadOnlyList<byte[]> Select(IStateReader parentState, in BlockContext block, IReadOnlyList<byte[]> candidates) =>
        _slashing.SelectEvidence(parentState, block.Number, block.ChainId, candidates);
}
