using System.Threading.Channels;
using TrustChain.Rpc.Hosting;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>
/// An eth_subscribe subscription fed by chain or pool events. Event handlers only enqueue into a bounded
/// per-subscription queue, so the committing thread never serialises JSON or waits on a socket; a pump formats and
/// pushes. When the queue is full the client is too slow: its connection is closed with 1008 and a reason rather
/// than buffering without bound.
/// </summary>
public abstract class QueuedSubscription<TEvent> : EthSubscription
{
    private readonly Channel<TEvent> _queue;
    private readonly int _queueLimit;
    private IRpcConnectionCloser? _closer;
    private Action? _onClosed;
    private int _overflowed;

    protected QueuedSubscription(int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueLimit);
        _queueLimit = queueLimit;
        _queue = Channel.CreateBounded<TEvent>(new BoundedChannelOptions(queueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Events that wait for delivery.</summary>
    public int QueuedEvents => _queue.Reader.Count;

    /// <summary>Hooks the event source and starts delivery; called once the subscription is attached.</summary>
    internal override void Start(IRpcConnectionCloser? closer, Action onClosed)
    {
        _closer = closer;
        Volatile.Write(ref _onClosed, onClosed);
        AttachSource();
        if (IsClosed)
        {
            // The connection went away between attach and start; OnClosed has already run without us.
            DetachSource();
            Interlocked.Exchange(ref _onClosed, null)?.Invoke();
            return;
        }

        _ = Task.Run(PumpAsync);
    }

    protected abstract void AttachSource();

    protected abstract void DetachSource();

    /// <summary>Turns one event into zero or more notifications (<see cref="RpcSubscription.Notify"/>).</summary>
    protected abstract void Deliver(TEvent item);

    /// <summary>Called by event handlers on the producer's thread; never blocks.</summary>
    protected void Enqueue(TEvent item)
    {
        if (_queue.Writer.TryWrite(item) || IsClosed)
        {
            return;
        }

        if (Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            DetachSource();
            _closer?.CloseForPolicy($"subscription {Id} dropped: over {_queueLimit} undelivered events, client too slow");
        }
    }

    protected sealed override void OnClosed()
    {
        DetachSource();
        _queue.Writer.TryComplete();
        Interlocked.Exchange(ref _onClosed, null)?.Invoke();
    }

    private async Task PumpAsync()
    {
        await foreach (TEvent item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (IsClosed || Volatile.Read(ref _overflowed) != 0)
            {
                continue;
            }

            try
            {
                Deliver(item);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A notification that cannot be built would be lost silently; end the connection with the reason instead.
                DetachSource();
                _closer?.CloseForPolicy($"subscription {Id} failed: {e.GetType().Name}");
                return;
            }
        }
    }
}
