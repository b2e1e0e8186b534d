using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TrustChain.Node.Tests.Docs;

/// <summary>
/// A minimal JSON-RPC client over HTTP and one WebSocket connection, returning the raw request and response so the
/// reference can show exactly what went over the wire.
/// </summary>
public sealed class DocsRpcClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = Timeout };
    private readonly Uri _uri;
    private ClientWebSocket? _socket;
    private int _nextId;

    public DocsRpcClient(Uri uri)
    {
        _uri = uri;
    }

    /// <summary>Sends one call over HTTP; returns the request sent and the response object received.</summary>
    /// <param name="id">The request id; by default the next of a counter.</param>
    public async Task<(JsonObject Request, JsonObject Response)> CallHttpAsync(string method, JsonArray parameters, int? id = null)
    {
        JsonObject request = Request(method, parameters, id);
        using StringContent content = new(request.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync(_uri, content).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (request, JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException($"{method}: empty response"));
    }

    /// <summary>Sends one call over the WebSocket connection and waits for its response, skipping notifications.</summary>
    public async Task<(JsonObject Request, JsonObject Response)> CallWebSocketAsync(string method, JsonArray parameters, int? id = null)
    {
        ClientWebSocket socket = await SocketAsync().ConfigureAwait(false);
        JsonObject request = Request(method, parameters, id);
        using CancellationTokenSource timeout = new(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        int sent = (int)request["id"]!;
        while (true)
        {
            JsonObject message = await ReceiveAsync(socket, timeout.Token).ConfigureAwait(false);
            if (message["id"] is JsonValue value && (int)value == sent)
            {
                return (request, message);
            }
        }
    }

    /// <summary>The result of an HTTP call; a JSON-RPC error fails the test with the method's name.</summary>
    public async Task<JsonNode?> ResultAsync(string method, params JsonNode?[] parameters)
    {
        (_, JsonObject response) = await CallHttpAsync(method, new JsonArray(parameters)).ConfigureAwait(false);
        if (response["error"] is JsonNode error)
        {
            Assert.Fail($"{method} failed: {error.ToJsonString()}");
        }

        return response["result"];
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _http.Dispose();
    }

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64 * 1024];
        using MemoryStream message = new();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("the node closed the WebSocket connection");
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(message.ToArray())?.AsObject() ?? throw new InvalidOperationException("empty WebSocket message");
    }

    private JsonObject Request(string method, JsonArray parameters, int? id) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id ?? Interlocked.Increment(ref _nextId),
        ["method"] = method,
        ["params"] = parameters,
    };

    private async Task<ClientWebSocket> SocketAsync()
    {
        if (_socket is not null)
        {
            return _socket;
        }

        ClientWebSocket socket = new();
        UriBuilder ws = new(_uri) { Scheme = "ws" };
        using CancellationTokenSource timeout = new(Timeout);
        await socket.ConnectAsync(ws.Uri, timeout.Token).ConfigureAwait(false);
        _socket = socket;
        return socket;
    }
}
