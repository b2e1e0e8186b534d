using System.Net;
using Microsoft.AspNetCore.Http;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>What a handler knows about the caller: transport, HTTP details and, on WebSocket, the subscription host.</summary>
public sealed class RpcContext
{
    private readonly IRpcSubscriptionHost? _subscriptions;
    private List<RpcSubscription>? _created;

    public RpcContext(RpcTransport transport, HttpContext? httpContext = null)
        : this(transport, httpContext, null)
    {
    }

    internal RpcContext(RpcTransport transport, HttpContext? httpContext, IRpcSubscriptionHost? subscriptions)
    {
        Transport = transport;
        HttpContext = httpContext;
        _subscriptions = subscriptions;
    }

    public RpcTransport Transport { get; }

    /// <summary>The HTTP request (for WebSocket: the upgrade request); null in-process.</summary>
    public HttpContext? HttpContext { get; }

    public IPAddress? RemoteIpAddress => HttpContext?.Connection.RemoteIpAddress;

    public bool SupportsSubscriptions => _subscriptions is not null;

    /// <summary>
    /// Attaches <paramref name="subscription"/> to this connection and returns its id (the eth_subscribe result).
    /// Over HTTP this fails with geth's -32601 "notifications not supported".
    /// </summary>
    public string Subscribe(RpcSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (_subscriptions is null)
        {
            throw new RpcException(RpcErrorCodes.MethodNotFound, "notifications not supported");
        }

        _subscriptions.Add(subscription);
        (_created ??= []).Add(subscription);
        return subscription.Id;
    }

    /// <summary>Closes a subscription of this connection; false if the id is unknown here.</summary>
    public bool Unsubscribe(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        return _subscriptions is not null && _subscriptions.Remove(subscriptionId);
    }

    /// <summary>Called by the transport once the response carrying the new ids has been queued.</summary>
    internal void ActivateSubscriptions()
    {
        if (_created is null)
        {
            return;
        }

        foreach (RpcSubscription subscription in _created)
        {
            subscription.Activate();
        }

        _created = null;
    }
}
