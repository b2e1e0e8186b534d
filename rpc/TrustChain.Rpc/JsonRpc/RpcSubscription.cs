namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Base for a push subscription (eth_subscribe). Derive, hook your event source, call <see cref="Notify"/> for each
/// event, and detach in <see cref="OnClosed"/>, which runs exactly once: on unsubscribe or when the socket closes.
/// Notifications raised before the subscribe call's response has been sent are held back and delivered right
/// after it, so a client always learns the id first (as with geth).
/// </summary>
public abstract class RpcSubscription
{
    private readonly Lock _gate = new();
    private IRpcSubscriptionHost? _host;
    private List<RpcBuffer>? _pending;
    private bool _active;
    private bool _closed;

    protected RpcSubscription(string notificationMethod = "eth_subscription")
    {
        ArgumentException.ThrowIfNullOrEmpty(notificationMethod);
        NotificationMethod = notificationMethod;
        Id = RpcSubscriptionId.Create();
    }

    public string Id { get; }

    /// <summary>The "method" of pushed notifications ("eth_subscription" for the eth namespace).</summary>
    public string NotificationMethod { get; }

    public bool IsClosed => Volatile.Read(ref _closed);

    /// <summary>Pushes <paramref name="result"/> to the client. Returns false once the subscription is closed.</summary>
    public bool Notify(object? result)
    {
        IRpcSubscriptionHost? host = Volatile.Read(ref _host);
        if (host is null || IsClosed)
        {
            return false;
        }

        RpcBuffer message = host.FormatNotification(this, result);
        lock (_gate)
        {
            if (_closed)
            {
                message.Dispose();
                return false;
            }

            if (!_active)
            {
                (_pending ??= []).Add(message);
                return true;
            }

            return host.TrySend(message);
        }
    }

    /// <summary>Detach from event sources here. Must not throw.</summary>
    protected virtual void OnClosed()
    {
    }

    internal void Attach(IRpcSubscriptionHost host)
    {
        if (Interlocked.CompareExchange(ref _host, host, null) is not null)
        {
            throw new InvalidOperationException("The subscription is already attached to a connection.");
        }
    }

    internal void Activate()
    {
        lock (_gate)
        {
            if (_closed || _active)
            {
                return;
            }

            _active = true;
            if (_pending is null)
            {
                return;
            }

            foreach (RpcBuffer message in _pending)
            {
                _host!.TrySend(message);
            }

            _pending = null;
        }
    }

    internal void Close()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            if (_pending is not null)
            {
                foreach (RpcBuffer message in _pending)
                {
                    message.Dispose();
                }

                _pending = null;
            }
        }

        OnClosed();
    }
}
