namespace TrustChain.Rpc.JsonRpc;

/// <summary>A connection that can carry subscriptions (WebSocket). Owns the subscriptions it was given.</summary>
internal interface IRpcSubscriptionHost
{
    void Add(RpcSubscription subscription);

    bool Remove(string subscriptionId);

    /// <summary>Serialises the eth_subscription notification into a pooled buffer owned by the caller.</summary>
    RpcBuffer FormatNotification(RpcSubscription subscription, object? result);

    /// <summary>Queues a message; takes ownership of <paramref name="message"/> and returns false if the connection is gone or hopelessly behind.</summary>
    bool TrySend(RpcBuffer message);
}
