using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustChain.Rpc.Tests.Hosting;

/// <summary>
/// One TCP connection that writes request bytes exactly as given (optionally in separate writes with pauses, to split
/// a request across TCP segments and server reads) and collects whole HTTP/1.1 responses, so two servers' answers can
/// be compared byte for byte.
/// </summary>
public sealed partial class RawHttpExchange : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;
    private readonly List<byte> _received = [];

    private RawHttpExchange(Socket socket) => _socket = socket;

    /// <summary>Whether the server closed the connection (seen while reading).</summary>
    public bool ServerClosed { get; private set; }

    public static async Task<RawHttpExchange> ConnectAsync(Uri server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(s_timeout);
        await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
        return new RawHttpExchange(socket);
    }

    public static byte[] Post(string json, string path = "/", string extraHeaders = "", string version = "HTTP/1.1", string host = "127.0.0.1")
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        string head = $"POST {path} {version}\r\nHost: {host}\r\n{extraHeaders}Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    public static string Call(string method, string id = "1", string @params = "[]") =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{@params}}}";

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        await _socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
    }

    /// <summary>Sends <paramref name="bytes"/> as separate writes cut at <paramref name="cuts"/>, pausing between them.</summary>
    public async Task SendSplitAsync(byte[] bytes, params int[] cuts)
    {
        int start = 0;
        foreach (int cut in cuts.Append(bytes.Length))
        {
            await SendAsync(bytes[start..cut]);
            start = cut;
            await Task.Delay(50);
        }
    }

    /// <summary>Reads until <paramref name="count"/> whole responses have arrived (or the server closes) and returns them.</summary>
    public async Task<IReadOnlyList<string>> ReadResponsesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var buffer = new byte[8192];
        while (true)
        {
            List<string> responses = Split(out bool partial);
            if (responses.Count >= count || (ServerClosed && !partial))
            {
                _received.RemoveRange(0, responses.Sum(r => Encoding.Latin1.GetByteCount(r)));
                return responses;
            }

            if (ServerClosed)
            {
                throw new IOException($"server closed with a partial response: {Encoding.Latin1.GetString([.. _received])}");
            }

            int read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                ServerClosed = true;
            }

            _received.AddRange(buffer.AsSpan(0, read));
        }
    }

    /// <summary>True once the server closes the connection within <paramref name="within"/> (no data may arrive).</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[256];
        try
        {
            int read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            ServerClosed = read == 0;
            return ServerClosed;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The response with its Date value blanked: the only part two servers may legitimately differ in.</summary>
    public static string WithoutDate(string response) => DateHeader().Replace(response, "Date: -\r\n");

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private List<string> Split(out bool partial)
    {
        var responses = new List<string>();
        string text = Encoding.Latin1.GetString([.. _received]);
        int at = 0;
        partial = false;
        while (at < text.Length)
        {
            int headEnd = text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            if (headEnd < 0)
            {
                partial = true;
                break;
            }

            string head = text[at..headEnd];
            Match length = ContentLength().Match(head);
            int bodyLength = length.Success ? int.Parse(length.Groups[1].Value) : 0;
            if (!length.Success && head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            {
                // The head's own final CRLF precedes an empty body's "0" line, so search from there.
                int end = text.IndexOf("\r\n0\r\n\r\n", headEnd + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    partial = true;
                    break;
                }

                bodyLength = end + 7 - (headEnd + 4);
            }

            int total = headEnd + 4 + bodyLength;
            if (total > text.Length)
            {
                partial = true;
                break;
            }

            responses.Add(text[at..total]);
            at = total;
        }

        return responses;
    }

    [GeneratedRegex(@"Date: [^\r]*\r\n")]
    private static partial Regex DateHeader();

    [GeneratedRegex(@"(?im)^Content-Length: *(\d+)")]
    private static partial Regex ContentLength();
}
