using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>An eth_subscribe subscription; started by the module once it is attached to its connection.</summary>
public abstract class EthSubscription : RpcSubscription
{
    /// <summary>
    /// Hooks the event source. <paramref name="closer"/> ends the connection of a subscriber that falls behind;
    /// <paramref name="onClosed"/> runs once when the subscription ends.
    /// </summary>
    internal abstract void Start(IRpcConnectionCloser? closer, Action onClosed);
}
