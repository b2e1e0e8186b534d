using TrustChain.Chain.State;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// trust_* (DESIGN §8): reads of the system registries, the human set's Merkle paths and the state map's proofs, all
/// through the contracts' native read APIs at a block chosen like eth_ (an optional last argument, default "latest";
/// numbers, tags, hashes and EIP-1898 objects as in <see cref="BlockParameter"/>).
/// <para>
/// Errors: malformed arguments are -32602 "invalid argument N: ..." naming the field; an unknown block is geth's
/// -32000 "header not found". Unknown ids (human, commitment, credential, schema, model) are not errors: the result is
/// null, as eth_getTransactionByHash answers for an unknown hash. Lists are paged with <see cref="TrustPage"/>.
/// </para>
/// </summary>
public sealed partial class TrustRpcModule : IRpcModule
{
    private readonly TrustRpcContext _context;

    public TrustRpcModule(TrustRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>Registers every trust_ method on <paramref name="registry"/>.</summary>
    public static TrustRpcModule Register(RpcMethodRegistry registry, TrustRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(registry);
        TrustRpcModule module = new(context);
        registry.Register(module);
        return module;
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        RegisterHumanMethods(registry);
        RegisterStakingMethods(registry);
        RegisterRegistryMethods(registry);
    }

    private static void Add(RpcMethodRegistry registry, string name, int maxArgs, Func<RpcParams, object?> handler)
    {
        registry.Register(name, (p, _, _) =>
        {
            p.EnsureCountAtMost(maxArgs);
            return new ValueTask<object?>(handler(p));
        });
    }

    /// <summary>The header and state at the optional block argument <paramref name="index"/> (default latest).</summary>
    private (BlockHeader Header, IStateReader State) At(RpcParams p, int index)
    {
        BlockHeader header = _context.Eth.RequireHeader(BlockParameter.ParseOptionalNumberOrHash(p, index, BlockParameter.Latest));
        return (header, _context.Eth.GetState(header));
    }
}
