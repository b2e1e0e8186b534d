using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TrustChain.Node.Tx;

/// <summary>A minimal JSON-RPC 2.0 client over HTTP POST for the CLI's tx helpers.</summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private long _nextId;

    public JsonRpcClient(Uri endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>Calls <paramref name="method"/>; parameters are strings, booleans, numbers or objects of those.</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        long id = Interlocked.Increment(ref _nextId);
        using MemoryStream body = new();
        using (Utf8JsonWriter writer = new(body))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters);
            writer.WriteEndObject();
        }

        using ByteArrayContent content = new(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        string text;
        try
        {
            using HttpResponseMessage response = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && text.Length == 0)
            {
                throw new JsonRpcClientException($"{method}: HTTP {(int)response.StatusCode} from {_endpoint}", new HttpRequestException(response.ReasonPhrase));
            }
        }
        catch (HttpRequestException e)
        {
            throw new JsonRpcClientException($"{method}: cannot reach {_endpoint}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcClientException($"{method}: {_endpoint} did not answer in time", e);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                int code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int parsed) ? parsed : 0;
                string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? string.Empty : string.Empty;
                throw new JsonRpcClientException(method, code, message);
            }

            if (!root.TryGetProperty("result", out JsonElement result))
            {
                throw new JsonRpcClientException(method, 0, "response has neither result nor error");
            }

            return result.Clone();
        }
        catch (JsonException e)
        {
            throw new JsonRpcClientException($"{method}: invalid JSON from {_endpoint}: {Truncate(text)}", e);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
