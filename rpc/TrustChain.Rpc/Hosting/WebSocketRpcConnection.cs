using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// One JSON-RPC WebSocket: a receive loop that dispatches each message concurrently (bounded), and a single
/// send loop fed by a bounded queue that carries both responses and subscription notifications.
/// </summary>
internal sealed class WebSocketRpcConnection : IRpcSubscriptionHost, IRpcConnectionCloser
{
    private const int ReceiveChunk = 16 * 1024;
    private const int MaxCloseReasonBytes = 123;

    /// <summary>How long a client dropped for being too slow gets to read what is in flight and the close frame.</summary>
    private static readonly TimeSpan s_policyCloseGrace = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly RpcDispatcher _dispatcher;
    private readonly RpcOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<RpcBuffer> _outbox;
    private readonly ConcurrentDictionary<string, RpcSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _inflight;
    private readonly CancellationTokenSource _closed;
    private string? _policyCloseReason;

    public WebSocketRpcConnection(WebSocket socket, HttpContext http, RpcDispatcher dispatcher, ILogger logger, CancellationToken serverStopping)
    {
        _socket = socket;
        _http = http;
        _dispatcher = dispatcher;
        _options = dispatcher.Options;
        _logger = logger;
        _outbox = Channel.CreateBounded<RpcBuffer>(new BoundedChannelOptions(_options.WebSocketSendQueueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _inflight = new SemaphoreSlim(_options.WebSocketMaxConcurrentRequests, _options.WebSocketMaxConcurrentRequests);
        _closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, serverStopping);
        http.Features.Set<IRpcConnectionCloser>(this);
    }

    public int SubscriptionCount => _subscriptions.Count;

    public async Task RunAsync()
    {
        Task sendLoop = SendLoopAsync();
        WebSocketCloseStatus? closeStatus = null;
        string closeReason = string.Empty;
        try
        {
            (closeStatus, closeReason) = await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Peer vanished or the server is stopping; nothing to answer.
        }
        finally
        {
            await _closed.CancelAsync().ConfigureAwait(false);
            await DrainInflightAsync().ConfigureAwait(false);
            CloseAllSubscriptions();
            _outbox.Writer.TryComplete();
            await sendLoop.ConfigureAwait(false);
        }

        if (closeStatus is { } status && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(status, closeReason, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Close handshake is best effort.
            }
        }

        _closed.Dispose();
        _inflight.Dispose();
    }

    void IRpcSubscriptionHost.Add(RpcSubscription subscription)
    {
        subscription.Attach(this);
        if (!_subscriptions.TryAdd(subscription.Id, subscription))
        {
            throw new InvalidOperationException("Duplicate subscription id.");
        }

        if (_closed.IsCancellationRequested && _subscriptions.TryRemove(subscription.Id, out _))
        {
            subscription.Close();
        }
    }

    bool IRpcSubscriptionHost.Remove(string subscriptionId)
    {
        if (!_subscriptions.TryRemove(subscriptionId, out RpcSubscription? subscription))
        {
            return false;
        }

        CloseSubscription(subscription);
        return true;
    }

    RpcBuffer IRpcSubscriptionHost.FormatNotification(RpcSubscription subscription, object? result)
    {
        var message = new RpcBuffer();
        try
        {
            using var writer = new Utf8JsonWriter(message, RpcJson.WriterOptions);
            RpcResponseWriter.WriteNotification(writer, subscription.NotificationMethod, subscription.Id, result, _options.SerializerOptions);
            writer.Flush();
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    bool IRpcSubscriptionHost.TrySend(RpcBuffer message)
    {
        if (_outbox.Writer.TryWrite(message))
        {
            return true;
        }

        message.Dispose();
        // A client that does not read its notifications would make us buffer without bound.
        CloseForPolicy($"send queue full ({_options.WebSocketSendQueueLimit} messages): client too slow");
        return false;
    }

    public void CloseForPolicy(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _policyCloseReason, Truncate(reason), null) is not null || _closed.IsCancellationRequested)
        {
            return;
        }

        _logger.LogWarning("Closing JSON-RPC WebSocket from {Remote}: {Reason}", _http.Connection.RemoteIpAddress, reason);
        // The send loop drops what is queued and sends the close frame; a client that never reads is cut off.
        _outbox.Writer.TryComplete();
        try
        {
            _closed.CancelAfter(s_policyCloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection already finished.
        }
    }

    private static string Truncate(string reason)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        int length = Math.Min(reason.Length, MaxCloseReasonBytes);
        while (System.Text.Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes)
        {
            length--;
        }

        return reason[..length];
    }

    private async Task<(WebSocketCloseStatus?, string)> ReceiveLoopAsync()
    {
        CancellationToken token = _closed.Token;
        var message = new RpcBuffer(ReceiveChunk);
        try
        {
            while (true)
            {
                int room = Math.Min(ReceiveChunk, _options.WebSocketMaxMessageSize + 1 - message.WrittenCount);
                ValueWebSocketReceiveResult received = await _socket.ReceiveAsync(message.GetMemory(room)[..room], token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return (WebSocketCloseStatus.NormalClosure, string.Empty);
                }

                message.Advance(received.Count);
                if (message.WrittenCount > _options.WebSocketMaxMessageSize)
                {
                    _logger.LogDebug("JSON-RPC WebSocket message over {Limit} bytes", _options.WebSocketMaxMessageSize);
                    return (WebSocketCloseStatus.MessageTooBig, "message too big");
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                await _inflight.WaitAsync(token).ConfigureAwait(false);
                RpcBuffer complete = message;
                message = new RpcBuffer(ReceiveChunk);
                _ = ProcessAsync(complete);
            }
        }
        finally
        {
            message.Dispose();
        }
    }

    private async Task ProcessAsync(RpcBuffer request)
    {
        RpcBuffer? response = new RpcBuffer();
        var context = new RpcContext(RpcTransport.WebSocket, _http, this);
        try
        {
            bool respond = await _dispatcher.DispatchAsync(new ReadOnlySequence<byte>(request.WrittenMemory), response, context, _closed.Token).ConfigureAwait(false);
            if (respond)
            {
                await _outbox.Writer.WriteAsync(response, _closed.Token).ConfigureAwait(false);
                response = null;
            }

            context.ActivateSubscriptions();
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Connection is closing.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "JSON-RPC WebSocket message handling failed");
        }
        finally
        {
            response?.Dispose();
            request.Dispose();
            ReleaseInflight();
        }
    }

    private void ReleaseInflight()
    {
        try
        {
            _inflight.Release();
        }
        catch (ObjectDisposedException)
        {
            // Only possible after the connection has fully shut down.
        }
    }

    private async Task SendLoopAsync()
    {
        bool broken = false;
        await foreach (RpcBuffer message in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (!broken && Volatile.Read(ref _policyCloseReason) is null)
                {
                    await _socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                broken = true;
                await _closed.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                message.Dispose();
            }
        }

        if (!broken && Volatile.Read(ref _policyCloseReason) is { } reason)
        {
            await SendPolicyCloseAsync(reason).ConfigureAwait(false);
        }
    }

    private async Task SendPolicyCloseAsync(string reason)
    {
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, _closed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    private async Task DrainInflightAsync()
    {
        // Every in-flight call holds a permit; taking them all means all calls have finished.
        for (int i = 0; i < _options.WebSocketMaxConcurrentRequests; i++)
        {
            await _inflight.WaitAsync().ConfigureAwait(false);
        }
    }

    private void CloseAllSubscriptions()
    {
        foreach (string id in _subscriptions.Keys)
        {
            if (_subscriptions.TryRemove(id, out RpcSubscription? subscription))
            {
                CloseSubscription(subscription);
            }
        }
    }

    private void CloseSubscription(RpcSubscription subscription)
    {
        try
        {
            subscription.Close();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Closing subscription {Id} failed", subscription.Id);
        }
    }
}
