using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// At the end of every block, appends the block's enrolments to the human set's LeanIMT in one batched insert, so the
/// header's humanSetRoot (read after the hooks) is the set's root after the block. Runs before nothing else reads the
/// tree: the block's transactions saw the root the block started with (or the one a delete/recovery materialised).
/// </summary>
public sealed class HumanSetBlockHook : IBlockHooks
{
    private readonly HumanRegistryState _human;

    public HumanSetBlockHook(HumanRegistryState human)
    {
        ArgumentNullException.ThrowIfNull(human);
        _human = human;
    }

    public void BeginBlock(WorldState state, BlockContext block)
    {
    }

    public void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(state);
        ContractStorage storage = new(state, HumanRegistryState.ContractAddress, readOnly: false);
        _human.Ledger(storage, emit: null).FlushPending(block.Number);
    }
}
