using TrustChain.Chain.Consensus;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Execution;

/// <summary>The ordered set of block hooks plus the humanSetRoot source used by the builder and the processor alike.</summary>
public sealed class BlockHookPipeline
{
    private readonly List<IBlockHooks> _hooks = new();

    public BlockHookPipeline(IHumanSetRootProvider? humanSetRootProvider = null)
    {
        HumanSetRootProvider = humanSetRootProvider ?? EmptyHumanSetRootProvider.Instance;
    }

    public IHumanSetRootProvider HumanSetRootProvider { get; set; }

    /// <summary>
    /// Decides which evidence a block may carry. Without one, a block with evidence is invalid and proposals carry none.
    /// Applying accepted evidence is the handler's own hook's work.
    /// </summary>
    public IBlockEvidenceHandler? EvidenceHandler { get; set; }

    public IReadOnlyList<IBlockHooks> Hooks => _hooks;

    public void Add(IBlockHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        _hooks.Add(hooks);
    }

    public void BeginBlock(WorldState state, in BlockContext block)
    {
        for (int i = 0; i < _hooks.Count; i++)
        {
            _hooks[i].BeginBlock(state, block);
        }
    }

    public void EndBlock(WorldState state, in BlockContext block, IReadOnlyList<TxReceipt> receipts)
    {
        for (int i = 0; i < _hooks.Count; i++)
        {
            _hooks[i].EndBlock(state, block, receipts);
        }
    }
}
