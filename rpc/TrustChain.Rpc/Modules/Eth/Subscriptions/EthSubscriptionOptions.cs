namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>Limits of eth_subscribe.</summary>
public sealed class EthSubscriptionOptions
{
    /// <summary>Live subscriptions one WebSocket connection may hold; more are refused with -32000.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 128;

    /// <summary>
    /// Events one subscription may have waiting for delivery. A subscriber that falls this far behind has its
    /// connection closed with 1008 and a reason, so memory stays bounded whatever the client does.
    /// </summary>
    public int QueueLimit { get; init; } = 1024;

    internal void Validate()
    {
        if (MaxSubscriptionsPerConnection <= 0 || QueueLimit <= 0)
        {
            throw new ArgumentException("EthSubscriptionOptions limits must be positive.");
        }
    }
}
