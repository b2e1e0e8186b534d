using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// Kestrel connection middleware in front of the HTTP/1.1 layer. While a keep-alive connection sends nothing but
/// whole, plain JSON-RPC POSTs of a cached parameterless method (eth_blockNumber, eth_chainId, …; see
/// <see cref="RpcFastLaneRequest"/> and <see cref="RpcDispatcher.TryWriteCached"/>), the lane answers them straight
/// from the transport pipe with the bytes Kestrel would send (status line, Content-Length, Content-Type, Date) and
/// skips HttpContext, headers dictionaries and middleware. The first request it does not answer — any other shape,
/// method or header, or a request that starts a read but has not fully arrived in it (so a slow sender meets
/// Kestrel's header timeout) — is left unconsumed in the pipe and the connection is handed to Kestrel's HTTP layer,
/// which sees it as its first request; from then on the connection is Kestrel's. Between requests the lane applies
/// Kestrel's keep-alive timeout, its header timeout to a pipelined request cut at a read boundary and its minimum
/// response data rate grace, and it stops on server shutdown.
/// </summary>
internal sealed class RpcFastLane : IDisposable
{
    private const int MaxResponseBodyLength = 512;
    private static readonly TimeSpan s_heartbeat = TimeSpan.FromSeconds(1);

    private readonly RpcDispatcher _dispatcher;
    private readonly RpcHostFilter _hosts;
    private readonly byte[] _path;
    private readonly bool _requireJsonContentType;
    private readonly long _keepAliveMs;
    private readonly long _writeGraceMs;
    private readonly long _headersMs;
    private readonly ConcurrentDictionary<RpcFastLaneConnection, byte> _connections = new();
    private readonly Timer _heartbeat;
    private volatile byte[] _date;
    private long _answered;
    private long _handedOver;

    /// <param name="keepAliveTimeout">Longest wait for the next request (Kestrel's KeepAliveTimeout).</param>
    /// <param name="headersTimeout">Longest wait for the rest of a pipelined request cut at a read boundary (Kestrel's RequestHeadersTimeout).</param>
    /// <param name="writeGrace">How long a client may leave a response unread before the connection is aborted; null never.</param>
    public RpcFastLane(RpcDispatcher dispatcher, TimeSpan keepAliveTimeout, TimeSpan headersTimeout, TimeSpan? writeGrace)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        if (!CanServe(dispatcher.Options.Path))
        {
            throw new ArgumentException($"The fast lane serves plain ASCII paths only, not '{dispatcher.Options.Path}'.", nameof(dispatcher));
        }

        _dispatcher = dispatcher;
        _hosts = new RpcHostFilter(dispatcher.Options.AllowedHosts);
        _path = Encoding.ASCII.GetBytes(dispatcher.Options.Path);
        _requireJsonContentType = dispatcher.Options.RequireJsonContentType;
        _keepAliveMs = ToMilliseconds(keepAliveTimeout);
        _headersMs = ToMilliseconds(headersTimeout);
        _writeGraceMs = writeGrace is { } grace ? (long)grace.TotalMilliseconds : -1;
        _date = FormatDate();
        _heartbeat = new Timer(static state => ((RpcFastLane)state!).OnHeartbeat(), this, s_heartbeat, s_heartbeat);
    }

    /// <summary>Connections the lane is serving right now (not yet handed to Kestrel or closed).</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Requests the lane answered itself.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Connections handed to Kestrel's HTTP layer at a request the lane does not answer.</summary>
    public long HandedOver => Interlocked.Read(ref _handedOver);

    /// <summary>
    /// Whether the lane can match a path byte for byte as Kestrel would after decoding and normalising the target:
    /// ASCII without escapes, query, controls or dot segments.
    /// </summary>
    public static bool CanServe(string path) =>
        Ascii.IsValid(path)
        && path.AsSpan().IndexOfAny("%?#\\ ") < 0
        && path.AsSpan().IndexOfAnyInRange('\0', '\x1F') < 0
        && !path.Contains("/.", StringComparison.Ordinal);

    /// <summary>The middleware for <c>ListenOptions.Use</c>.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return connection => RunAsync(connection, next);
    }

    public void Dispose() => _heartbeat.Dispose();

    private async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var lane = new RpcFastLaneConnection(connection);
        _connections.TryAdd(lane, 0);
        CancellationTokenRegistration closing = default;
        bool handOver;
        try
        {
            IConnectionLifetimeNotificationFeature? lifetime = connection.Features.Get<IConnectionLifetimeNotificationFeature>();
            if (lifetime is not null)
            {
                closing = lifetime.ConnectionClosedRequested.UnsafeRegister(static state => ((RpcFastLaneConnection)state!).RequestStop(), lane);
            }

            handOver = await ServeAsync(connection, lane).ConfigureAwait(false);
        }
        finally
        {
            // Kestrel's HTTP layer reacts to shutdown itself; the lane's registration must not cancel its reads.
            await closing.DisposeAsync().ConfigureAwait(false);
            _connections.TryRemove(lane, out _);
        }

        if (handOver)
        {
            Interlocked.Increment(ref _handedOver);
            await next(connection).ConfigureAwait(false);
        }
    }

    /// <summary>Answers requests until one is not the lane's; true hands the connection to Kestrel, false closes it.</summary>
    private async Task<bool> ServeAsync(ConnectionContext connection, RpcFastLaneConnection lane)
    {
        PipeReader input = connection.Transport.Input;
        PipeWriter output = connection.Transport.Output;
        bool awaitingTail = false;
        while (true)
        {
            lane.Enter(awaitingTail ? RpcFastLaneConnection.ReadingTail : RpcFastLaneConnection.Reading);
            ReadResult read;
            try
            {
                read = await input.ReadAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // Reset or aborted by the client or the server: nothing left to answer.
                return false;
            }

            lane.Enter(RpcFastLaneConnection.Busy);
            ReadOnlySequence<byte> buffer = read.Buffer;
            if (read.IsCanceled || lane.StopRequested)
            {
                // Idle timeout or shutdown: a request already under way is Kestrel's to finish (it knows how to stop).
                input.AdvanceTo(buffer.Start);
                return !buffer.IsEmpty;
            }

            long used = 0;
            int answered = 0;
            RpcFastLaneMatch next = RpcFastLaneMatch.Decline;
            while (used < buffer.Length && (next = TryAnswer(buffer.Slice(used), output, out int length)) == RpcFastLaneMatch.Fast)
            {
                used += length;
                answered++;
            }

            bool rest = used < buffer.Length;
            // Pipelined requests can end mid-request at a read boundary; the rest is already on its way, so the lane
            // waits for it (under Kestrel's header timeout) instead of handing over. A request that starts a read
            // incomplete is Kestrel's, so a slow sender never holds the lane.
            bool awaitTail = rest && answered > 0 && next == RpcFastLaneMatch.Incomplete;
            SequencePosition consumed = buffer.GetPosition(used);
            if (awaitTail)
            {
                input.AdvanceTo(consumed, buffer.End);
            }
            else
            {
                input.AdvanceTo(consumed);
            }

            if (answered > 0)
            {
                Interlocked.Add(ref _answered, answered);
                lane.Enter(RpcFastLaneConnection.Writing);
                FlushResult flushed;
                try
                {
                    flushed = await output.FlushAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    return false;
                }

                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return false;
                }
            }

            if (rest && !awaitTail)
            {
                return true;
            }

            if (read.IsCompleted)
            {
                return rest;
            }

            awaitingTail = awaitTail;
        }
    }

    /// <summary>Answers the request at the start of <paramref name="data"/> if it is the lane's (Fast); writes nothing otherwise.</summary>
    private RpcFastLaneMatch TryAnswer(ReadOnlySequence<byte> data, PipeWriter output, out int length)
    {
        ReadOnlySpan<byte> first = data.FirstSpan;
        return first.Length >= data.Length || first.Length >= RpcFastLaneRequest.MaxRequestLength
            ? TryAnswer(first, output, out length)
            : TryAnswerSplit(data, output, out length);
    }

    /// <summary>A request that straddles pipe segments (pipelined requests crossing a 4 KB block) is copied together first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private RpcFastLaneMatch TryAnswerSplit(ReadOnlySequence<byte> data, PipeWriter output, out int length)
    {
        Span<byte> joined = stackalloc byte[RpcFastLaneRequest.MaxRequestLength];
        int count = (int)Math.Min(data.Length, joined.Length);
        data.Slice(0, count).CopyTo(joined);
        return TryAnswer(joined[..count], output, out length);
    }

    [SkipLocalsInit]
    private RpcFastLaneMatch TryAnswer(ReadOnlySpan<byte> data, PipeWriter output, out int length)
    {
        length = 0;
        RpcFastLaneMatch match = RpcFastLaneRequest.Match(data, _path, _requireJsonContentType, out int headLength, out int bodyLength, out ReadOnlySpan<byte> host);
        if (match != RpcFastLaneMatch.Fast)
        {
            return match;
        }

        Span<byte> body = stackalloc byte[MaxResponseBodyLength];
        if (!IsAllowedHost(host) || !_dispatcher.TryWriteCached(data.Slice(headLength, bodyLength), body, RpcTransport.Http, null, out int written))
        {
            return RpcFastLaneMatch.Decline;
        }

        WriteResponse(output, body[..written]);
        length = headLength + bodyLength;
        return RpcFastLaneMatch.Fast;
    }

    private bool IsAllowedHost(ReadOnlySpan<byte> host) =>
        _hosts.AllowsAny || _hosts.IsAllowed(new HostString(Encoding.ASCII.GetString(host)));

    /// <summary>Kestrel's answer for the handler's cached response: same status line, header order and values.</summary>
    private void WriteResponse(PipeWriter output, ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> status = "HTTP/1.1 200 OK\r\nContent-Length: "u8;
        ReadOnlySpan<byte> type = "\r\nContent-Type: application/json\r\nDate: "u8;
        ReadOnlySpan<byte> end = "\r\n\r\n"u8;
        byte[] date = _date;
        int total = status.Length + 10 + type.Length + date.Length + end.Length + body.Length;
        Span<byte> span = output.GetSpan(total);
        status.CopyTo(span);
        int at = status.Length;
        Utf8Formatter.TryFormat(body.Length, span[at..], out int digits);
        at += digits;
        type.CopyTo(span[at..]);
        at += type.Length;
        date.CopyTo(span[at..]);
        at += date.Length;
        end.CopyTo(span[at..]);
        at += end.Length;
        body.CopyTo(span[at..]);
        output.Advance(at + body.Length);
    }

    private void OnHeartbeat()
    {
        _date = FormatDate();
        long now = Environment.TickCount64;
        foreach (KeyValuePair<RpcFastLaneConnection, byte> entry in _connections)
        {
            entry.Key.OnHeartbeat(now, _keepAliveMs, _headersMs, _writeGraceMs);
        }
    }

    private static long ToMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)timeout.TotalMilliseconds;

    /// <summary>RFC 1123 date as Kestrel writes it (refreshed once a second, as Kestrel's own heartbeat does).</summary>
    private static byte[] FormatDate() => Encoding.ASCII.GetBytes(DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
}
