using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Hosting;

/// <summary>
/// Serves the RPC path: POST (JSON-RPC over HTTP), WebSocket upgrades, GET (a short text) and CORS preflight.
/// HTTP-level refusals (403/405/413/415) use geth's status codes and texts; every JSON-RPC error is HTTP 200.
/// </summary>
internal sealed class RpcHttpHandler
{
    private static readonly byte[] s_getText =
        "TrustChain JSON-RPC endpoint: POST JSON-RPC 2.0 requests (Content-Type: application/json) or open a WebSocket here.\n"u8.ToArray();

    // A parameterless call is ~70 bytes; anything much larger is not one the result cache can answer.
    private const int MaxCachedRequestSize = 1024;
    private const int MaxCachedResponseSize = 512;

    private readonly RpcDispatcher _dispatcher;
    private readonly RpcOptions _options;
    private readonly RpcCorsPolicy _cors;
    private readonly RpcHostFilter _hosts;
    private readonly ILogger _logger;
    private readonly CancellationToken _serverStopping;

    public RpcHttpHandler(RpcDispatcher dispatcher, ILogger logger, CancellationToken serverStopping)
    {
        _dispatcher = dispatcher;
        _options = dispatcher.Options;
        _cors = new RpcCorsPolicy(_options.CorsAllowedOrigins);
        _hosts = new RpcHostFilter(_options.AllowedHosts);
        _logger = logger;
        _serverStopping = serverStopping;
    }

    public Task HandleAsync(HttpContext http)
    {
        HttpRequest request = http.Request;
        if (!_hosts.IsAllowed(request.Host))
        {
            return WriteTextAsync(http, StatusCodes.Status403Forbidden, "invalid host specified\n");
        }

        string method = request.Method;
        if (HttpMethods.IsPost(method))
        {
            _cors.ApplyToResponse(http);
            return HandlePostAsync(http);
        }

        if (HttpMethods.IsOptions(method))
        {
            _cors.HandlePreflight(http);
            return Task.CompletedTask;
        }

        if (http.WebSockets.IsWebSocketRequest)
        {
            return HandleWebSocketAsync(http);
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            _cors.ApplyToResponse(http);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/plain; charset=utf-8";
            http.Response.ContentLength = s_getText.Length;
            return HttpMethods.IsHead(method) ? Task.CompletedTask : http.Response.Body.WriteAsync(s_getText, 0, s_getText.Length, http.RequestAborted);
        }

        return WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, "method not allowed\n");
    }

    private async Task HandlePostAsync(HttpContext http)
    {
        HttpRequest request = http.Request;
        long limit = _options.MaxRequestBodySize;
        if (request.ContentLength is { } declared && declared > limit)
        {
            await WriteTextAsync(http, StatusCodes.Status413PayloadTooLarge, $"content length too large ({declared}>{limit})\n").ConfigureAwait(false);
            return;
        }

        if (_options.RequireJsonContentType && !IsJsonContentType(request.ContentType))
        {
            await WriteTextAsync(http, StatusCodes.Status415UnsupportedMediaType, "invalid content type, only application/json is supported\n").ConfigureAwait(false);
            return;
        }

        // Buffer the body in the request pipe (no copy); the parsed document points into it until we advance.
        PipeReader reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync().ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                await WriteTextAsync(http, StatusCodes.Status413PayloadTooLarge, $"content length too large (>{limit})\n").ConfigureAwait(false);
                return;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        ReadOnlySequence<byte> body = read.Buffer;
        if (body.IsSingleSegment && body.Length <= MaxCachedRequestSize && TryServeCached(http, body.FirstSpan))
        {
            reader.AdvanceTo(body.End);
            return;
        }

        var output = new RpcBuffer();
        try
        {
            var context = new RpcContext(RpcTransport.Http, http);
            bool respond = await _dispatcher.DispatchAsync(body, output, context, http.RequestAborted).ConfigureAwait(false);
            reader.AdvanceTo(body.End);

            HttpResponse response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = respond ? output.WrittenCount : 0;
            if (respond)
            {
                await response.BodyWriter.WriteAsync(output.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Answers a parameterless call of a cached method without parsing a document or renting buffers.</summary>
    private bool TryServeCached(HttpContext http, ReadOnlySpan<byte> body)
    {
        Span<byte> response = stackalloc byte[MaxCachedResponseSize];
        if (!_dispatcher.TryWriteCached(body, response, RpcTransport.Http, http, out int written))
        {
            return false;
        }

        HttpResponse httpResponse = http.Response;
        httpResponse.StatusCode = StatusCodes.Status200OK;
        httpResponse.ContentType = "application/json";
        httpResponse.ContentLength = written;
        // Kestrel flushes what is left in the pipe when the request ends, in the same write as the headers.
        httpResponse.BodyWriter.Write(response[..written]);
        return true;
    }

    private async Task HandleWebSocketAsync(HttpContext http)
    {
        if (!_options.EnableWebSocket)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, "websocket not enabled\n").ConfigureAwait(false);
            return;
        }

        // Browsers ignore CORS for WebSockets, so the origin list is enforced here (geth --ws.origins).
        if (!_cors.IsAllowed(http.Request.Headers.Origin))
        {
            await WriteTextAsync(http, StatusCodes.Status403Forbidden, "origin not allowed\n").ConfigureAwait(false);
            return;
        }

        WebSocket socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new WebSocketRpcConnection(socket, http, _dispatcher, _logger, _serverStopping);
        await connection.RunAsync().ConfigureAwait(false);
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json-rpc", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/jsonrequest", StringComparison.OrdinalIgnoreCase);
    }

    private static Task WriteTextAsync(HttpContext http, int status, string text)
    {
        HttpResponse response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text, http.RequestAborted);
    }
}
