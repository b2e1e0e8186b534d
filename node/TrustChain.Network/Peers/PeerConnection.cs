using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;

namespace TrustChain.Network.Peers;

/// <summary>
/// One authenticated session over an <see cref="IDuplexPipe"/> (Kestrel's for inbound, a stream's for outbound):
/// a read loop that opens frames and dispatches them, a write loop that drains a bounded queue, and a keep-alive loop.
/// </summary>
internal sealed class PeerConnection
{
    private const int FlushThreshold = 256 * 1024;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly IDuplexPipe _transport;
    private readonly SecureSession _session;
    private readonly P2PConfig _config;
    private readonly P2PMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Action<bool> _closeTransport;
    private readonly Action<PeerConnection, Frame> _onMessage;
    private readonly Action<PeerConnection, FrameException> _onViolation;
    private readonly Channel<OutboundMessage> _queue;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource<DisconnectReason> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queuedBytes;
    private long _lastReceivedTicks;
    private long _lastPingSentTicks;
    private int _closeState;
    private int _score;
    private volatile bool _hardAbort;

    public PeerConnection(
        IDuplexPipe transport,
        SecureSession session,
        PeerInfo info,
        P2PConfig config,
        P2PMetrics metrics,
        ILogger logger,
        Action<bool> closeTransport,
        Action<PeerConnection, Frame> onMessage,
        Action<PeerConnection, FrameException> onViolation)
    {
        _transport = transport;
        _session = session;
        Info = info;
        _config = config;
        _metrics = metrics;
        _logger = logger;
        _closeTransport = closeTransport;
        _onMessage = onMessage;
        _onViolation = onViolation;
        _queue = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(config.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _lastReceivedTicks = Environment.TickCount64;
        _lastPingSentTicks = _lastReceivedTicks;
    }

    public PeerInfo Info { get; }

    public NodeId Id => Info.Id;

    public ReadOnlySpan<byte> TranscriptHash => _session.TranscriptHash;

    public bool IsClosing => Volatile.Read(ref _closeState) != 0;

    public DisconnectReason CloseReason { get; private set; }

    /// <summary>Completes with the reason once the connection is fully torn down.</summary>
    public Task<DisconnectReason> Completion => _completion.Task;

    /// <summary>Round-trip time of the last answered ping.</summary>
    public TimeSpan? LastRoundTrip { get; private set; }

    public int AddScore(int points) => Interlocked.Add(ref _score, points);

    /// <summary>Queues a message; false when closing or when the peer's queue is full (the caller then drops it).</summary>
    public bool TrySend(byte channel, byte messageType, ReadOnlyMemory<byte> payload)
    {
        if (IsClosing)
        {
            return false;
        }

        if (Interlocked.Add(ref _queuedBytes, payload.Length) > _config.SendQueueMaxBytes
            || !_queue.Writer.TryWrite(new OutboundMessage(channel, messageType, payload)))
        {
            Interlocked.Add(ref _queuedBytes, -payload.Length);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Starts closing. With <paramref name="notify"/> the peer gets a Disconnect frame after what is already queued
    /// (bounded by a grace period); otherwise the session is torn down at once.
    /// </summary>
    public void Close(DisconnectReason reason, string detail, bool notify)
    {
        if (Interlocked.CompareExchange(ref _closeState, 1, 0) != 0)
        {
            return;
        }

        CloseReason = reason;
        _logger.LogDebug("Closing peer {Peer}: {Reason} {Detail}", Info, reason, detail);
        bool queued = notify && _queue.Writer.TryWrite(new OutboundMessage(
            FrameFormat.ControlChannel, (byte)ControlMessageType.Disconnect, DisconnectMessage.Encode(reason, detail), isFinal: true));
        _queue.Writer.TryComplete();
        _closing.Cancel();
        if (queued)
        {
            _abort.CancelAfter(CloseGrace);
        }
        else
        {
            _hardAbort = true;
            _abort.Cancel();
        }
    }

    public async Task RunAsync()
    {
        try
        {
            await Task.WhenAll(ReadLoopAsync(), WriteLoopAsync(), KeepAliveLoopAsync()).ConfigureAwait(false);
        }
        finally
        {
            Close(DisconnectReason.ConnectionClosed, "session ended", notify: false);
            await _transport.Input.CompleteAsync().ConfigureAwait(false);
            await _transport.Output.CompleteAsync().ConfigureAwait(false);
            _closeTransport(_hardAbort);
            _session.Dispose();
            _closing.Dispose();
            _abort.Dispose();
            _completion.TrySetResult(CloseReason);
        }
    }

    /// <summary>Refuses an authenticated session that the host will not keep; used instead of <see cref="RunAsync"/>.</summary>
    public async Task RejectAsync(DisconnectReason reason, string detail)
    {
        Interlocked.Exchange(ref _closeState, 1);
        CloseReason = reason;
        try
        {
            using CancellationTokenSource timeout = new(CloseGrace);
            _session.Encryptor.WriteFrame(_transport.Output, FrameFormat.ControlChannel, (byte)ControlMessageType.Disconnect, DisconnectMessage.Encode(reason, detail));
            await _transport.Output.FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            _hardAbort = true;
        }
        finally
        {
            await _transport.Input.CompleteAsync().ConfigureAwait(false);
            await _transport.Output.CompleteAsync().ConfigureAwait(false);
            _closeTransport(_hardAbort);
            _session.Dispose();
            _closing.Dispose();
            _abort.Dispose();
            _completion.TrySetResult(reason);
        }
    }

    private async Task ReadLoopAsync()
    {
        PipeReader input = _transport.Input;
        FrameDecryptor decryptor = _session.Decryptor;
        CancellationToken token = _closing.Token;
        try
        {
            while (true)
            {
                ReadResult result = await input.ReadAsync(token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                try
                {
                    while (!IsClosing && decryptor.TryReadFrame(ref buffer, out Frame frame))
                    {
                        Interlocked.Exchange(ref _lastReceivedTicks, Environment.TickCount64);
                        _metrics.FrameReceived(frame.Channel, frame.WireLength);
                        Handle(frame);
                    }
                }
                finally
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (IsClosing)
                {
                    return;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    Close(DisconnectReason.ConnectionClosed, "remote closed the connection", notify: false);
                    return;
                }
            }
        }
        catch (FrameException ex)
        {
            _onViolation(this, ex);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            Close(DisconnectReason.ConnectionClosed, ex.Message, notify: false);
        }
    }

    private void Handle(Frame frame)
    {
        if (frame.Channel != FrameFormat.ControlChannel)
        {
            _onMessage(this, frame);
            return;
        }

        switch ((ControlMessageType)frame.MessageType)
        {
            case ControlMessageType.Ping:
                if (!TrySend(FrameFormat.ControlChannel, (byte)ControlMessageType.Pong, frame.Payload))
                {
                    Close(DisconnectReason.SendQueueFull, "no room for a pong", notify: false);
                }

                break;
            case ControlMessageType.Pong:
                if (frame.Payload.Length == sizeof(long))
                {
                    long sent = BinaryPrimitives.ReadInt64BigEndian(frame.Payload.Span);
                    LastRoundTrip = TimeSpan.FromMilliseconds(Math.Max(0, Environment.TickCount64 - sent));
                }

                break;
            case ControlMessageType.Disconnect:
                (DisconnectReason reason, string detail) = DisconnectMessage.Decode(frame.Payload.Span);
                Close(reason, $"remote: {detail}", notify: false);
                break;
            default:
                throw new FrameException(DisconnectReason.MalformedFrame, $"Unexpected control message {frame.MessageType} after the handshake.");
        }
    }

    private async Task WriteLoopAsync()
    {
        PipeWriter output = _transport.Output;
        FrameEncryptor encryptor = _session.Encryptor;
        ChannelReader<OutboundMessage> reader = _queue.Reader;
        CancellationToken token = _abort.Token;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out OutboundMessage message))
                {
                    Interlocked.Add(ref _queuedBytes, -message.Payload.Length);
                    int written = encryptor.WriteFrame(output, message.Channel, message.MessageType, message.Payload.Span);
                    _metrics.FrameSent(message.Channel, written);
                    if (message.IsFinal)
                    {
                        await output.FlushAsync(token).ConfigureAwait(false);
                        return;
                    }

                    if (output.CanGetUnflushedBytes && output.UnflushedBytes > FlushThreshold && !await FlushAsync(output, token).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (!await FlushAsync(output, token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _hardAbort = true;
        }
        catch (FrameException ex)
        {
            Close(ex.Reason, ex.Message, notify: false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            Close(DisconnectReason.ConnectionClosed, ex.Message, notify: false);
        }
    }

    private async ValueTask<bool> FlushAsync(PipeWriter output, CancellationToken token)
    {
        FlushResult result = await output.FlushAsync(token).ConfigureAwait(false);
        if (result.IsCompleted || result.IsCanceled)
        {
            Close(DisconnectReason.ConnectionClosed, "transport closed for writing", notify: false);
            return false;
        }

        return true;
    }

    private async Task KeepAliveLoopAsync()
    {
        long interval = (long)_config.PingInterval.TotalMilliseconds;
        long timeout = (long)_config.PingTimeout.TotalMilliseconds;
        TimeSpan tick = TimeSpan.FromMilliseconds(Math.Clamp(interval / 2, 5, 1000));
        CancellationToken token = _closing.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(tick, token).ConfigureAwait(false);
                long now = Environment.TickCount64;
                if (now - Interlocked.Read(ref _lastReceivedTicks) > timeout)
                {
                    Close(DisconnectReason.PingTimeout, $"nothing received for {timeout} ms", notify: true);
                    return;
                }

                if (now - _lastPingSentTicks >= interval)
                {
                    _lastPingSentTicks = now;
                    byte[] payload = new byte[sizeof(long)];
                    BinaryPrimitives.WriteInt64BigEndian(payload, now);
                    if (!TrySend(FrameFormat.ControlChannel, (byte)ControlMessageType.Ping, payload))
                    {
                        Close(DisconnectReason.SendQueueFull, "no room for a ping", notify: false);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsTransportFailure(Exception ex) =>
        ex is IOException or InvalidOperationException or ObjectDisposedException or System.Net.Sockets.SocketException
            or Microsoft.AspNetCore.Connections.ConnectionResetException or OperationCanceledException;
}
