using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrustChain.Bench.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that posts a pre-built request and reads a Content-Length response, with
/// no per-request allocation. A request-rate run with HttpClient spends about as much CPU in the client as the
/// server spends answering; this client costs a fraction of that, so the figure is the server's, not the client's.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly Socket _socket;
    private readonly byte[] _request;
    private byte[] _buffer = new byte[4096];

    private RawHttpConnection(Socket socket, byte[] request)
    {
        _socket = socket;
        _request = request;
    }

    public static async Task<RawHttpConnection> ConnectAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(url.Host, out IPAddress? address))
        {
            address = IPAddress.Loopback;
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, url.Port), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        string head = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        byte[] request = [.. Encoding.ASCII.GetBytes(head), .. body];
        return new RawHttpConnection(socket, request);
    }

    /// <summary>Sends the request and returns the response body (valid until the next call).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> PostAsync(CancellationToken cancellationToken)
    {
        await _socket.SendAsync(_request, SocketFlags.None, cancellationToken).ConfigureAwait(false);

        int filled = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (filled == MaxHeaderBytes)
            {
                throw new IOException($"response headers exceed {MaxHeaderBytes} bytes");
            }

            filled += await ReceiveAsync(filled, cancellationToken).ConfigureAwait(false);
        }

        int bodyStart = headerEnd + 4;
        int length = ParseHead(_buffer.AsSpan(0, headerEnd));
        int total = bodyStart + length;
        if (total > _buffer.Length)
        {
            Array.Resize(ref _buffer, total);
        }

        while (filled < total)
        {
            filled += await ReceiveAsync(filled, cancellationToken).ConfigureAwait(false);
        }

        if (filled != total)
        {
            throw new IOException("the server sent more than one response for one request");
        }

        return _buffer.AsMemory(bodyStart, length);
    }

    public void Dispose() => _socket.Dispose();

    private async ValueTask<int> ReceiveAsync(int offset, CancellationToken cancellationToken)
    {
        if (offset == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, Math.Max(MaxHeaderBytes, _buffer.Length)));
        }

        int read = await _socket.ReceiveAsync(_buffer.AsMemory(offset), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return read > 0 ? read : throw new IOException("the server closed the connection");
    }

    /// <summary>Checks for 200 and returns Content-Length; chunked or length-less answers are not supported.</summary>
    private static int ParseHead(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("HTTP/1.1 200"u8) && !head.StartsWith("HTTP/1.0 200"u8))
        {
            int lineEnd = head.IndexOf("\r\n"u8);
            throw new IOException($"HTTP status: {Encoding.ASCII.GetString(lineEnd < 0 ? head : head[..lineEnd])}");
        }

        ReadOnlySpan<byte> name = "content-length:"u8;
        while (true)
        {
            int lineEnd = head.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new IOException("the response has no Content-Length (chunked answers are not supported by --client raw)");
            }

            head = head[(lineEnd + 2)..];
            ReadOnlySpan<byte> line = head.IndexOf("\r\n"u8) is var end and >= 0 ? head[..end] : head;
            if (line.Length > name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name))
            {
                ReadOnlySpan<byte> value = line[name.Length..].Trim((byte)' ');
                if (Utf8Parser.TryParse(value, out int length, out int consumed) && consumed == value.Length && length >= 0)
                {
                    return length;
                }

                throw new IOException("malformed Content-Length");
            }
        }
    }
}
