using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TrustChain.Bench.Load;

/// <summary>
/// HTTP/1.1 keep-alive JSON-RPC client for load generation: one pooled handler with a fixed number of connections,
/// raw byte bodies on the hot path and a parsed convenience call for setup.
/// </summary>
public sealed class JsonRpcHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;
    private int _nextId;

    public JsonRpcHttpClient(Uri url, int connections, TimeSpan requestTimeout)
    {
        _url = url;
        SocketsHttpHandler handler = new()
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler) { Timeout = requestTimeout, DefaultRequestVersion = HttpVersion.Version11 };
    }

    /// <summary>Posts a pre-serialised body and returns the raw response body; throws on a non-2xx status.</summary>
    public async Task<byte[]> PostAsync(byte[] body, CancellationToken ct)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, _url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
        };
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {_url}", null, response.StatusCode);
        }

        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One call with parameters given as raw JSON text; returns the result (cloned) or throws <see cref="JsonRpcCallException"/>.</summary>
    public async Task<JsonElement> CallAsync(string method, string paramsJson, CancellationToken ct)
    {
        int id = Interlocked.Increment(ref _nextId);
        byte[] body = Encoding.UTF8.GetBytes(
            $"{{\"jsonrpc\":\"2.0\",\"id\":{id.ToString(CultureInfo.InvariantCulture)},\"method\":\"{method}\",\"params\":{paramsJson}}}");
        byte[] response = await PostAsync(body, ct).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(response);
        return ExtractResult(document.RootElement, method);
    }

    /// <summary>The result of one response object, or <see cref="JsonRpcCallException"/> with the node's error.</summary>
    public static JsonElement ExtractResult(JsonElement response, string method)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcCallException(method, 0, $"response is a JSON {response.ValueKind}, not an object");
        }

        if (response.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            int code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int parsed) ? parsed : 0;
            string message = error.TryGetProperty("message", out JsonElement m) ? m.ToString() : "(no message)";
            throw new JsonRpcCallException(method, code, message);
        }

        if (!response.TryGetProperty("result", out JsonElement result))
        {
            throw new JsonRpcCallException(method, 0, "response has neither result nor error");
        }

        return result.Clone();
    }

    public void Dispose() => _http.Dispose();
}
