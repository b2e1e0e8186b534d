using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth.Subscriptions;

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

    public EthRpcModule(EthRpcContext context, EthSubscriptionOptions? subscriptionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _simulator = new CallSimulator(context);
        Subscriptions = new EthSubscriptionModule(context, subscriptionOptions);
    }

    /// <summary>eth_subscribe / eth_unsubscribe (WebSocket only).</summary>
    public EthSubscriptionModule Subscriptions { get; }

    /// <summary>Registers every method of the module on <paramref name="registry"/>.</summary>
    public static EthRpcModule Register(RpcMethodRegistry registry, EthRpcContext context, EthSubscriptionOptions? subscriptionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var module = new EthRpcModule(context, subscriptionOptions);
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
        Subscriptions.Register(registry);
        // Parameterless answers that only move with the head: served pre-encoded until the head header changes.
        registry.ResultCache.Enable(() => _context.Chain.Head, "eth_blockNumber", "eth_chainId", "net_version", "eth_gasPrice");
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
