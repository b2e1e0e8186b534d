using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// The Ethereum-compatible eth_, net_ and web3_ methods (DESIGN §8) over a <see cref="Chain.Blocks.Blockchain"/> and
/// its <see cref="Chain.TxPool.TxPool"/>. Shapes follow the execution-apis schemas and geth; errors use geth's
/// codes and messages. Wire it with <c>EthRpcModule.Register(registry, context)</c>.
/// </summary>
public sealed partial class EthRpcModule : IRpcModule
{
    private readonly EthRpcContext _context;
    private readonly CallSimulator _simulator;

    public EthRpcModule(EthRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _simulator = new CallSimulator(context);
    }

    /// <summary>Registers every method of the module on <paramref name="registry"/>.</summary>
    public static EthRpcModule Register(RpcMethodRegistry registry, EthRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var module = new EthRpcModule(context);
        registry.Register(module);
        return module;
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        RegisterChainMethods(registry);
        RegisterStateMethods(registry);
        RegisterBlockMethods(registry);
        RegisterTransactionMethods(registry);
        RegisterFeeMethods(registry);
        RegisterLogMethods(registry);
        RegisterNetMethods(registry);
    }

    private static void Add(RpcMethodRegistry registry, string name, int maxArgs, Func<RpcParams, object?> handler)
    {
        registry.Register(name, (p, _, _) =>
        {
            p.EnsureCountAtMost(maxArgs);
            return new ValueTask<object?>(handler(p));
        });
    }
}
