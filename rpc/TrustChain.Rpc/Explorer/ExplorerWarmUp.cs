using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TrustChain.Rpc.Explorer;

/// <summary>
/// Right after a node starts, sends over loopback the requests a browser's first explorer load makes — the page and a
/// gzip'd script, an ETag revalidation, the JSON-RPC batches of the home page (head number, then chain id, gas price
/// and the newest blocks with their transactions), a newHeads subscription over WebSocket — and a /metrics scrape,
/// through the real Kestrel pipeline. The JIT then compiles those paths before the first person or scraper arrives
/// (≈ 0.4 s of a cold first load otherwise). Runs in the background: it never delays readiness or block production,
/// and a failure only costs the first visitor the JIT. The requests are ordinary ones, so /metrics counts them.
/// </summary>
public sealed class ExplorerWarmUp
{
    private const int HomeBlocks = 10;
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(30);

    private readonly Uri _baseUri;
    private readonly string _rpcPath;
    private readonly bool _explorer;
    private readonly ILogger _logger;

    /// <param name="boundUri">The server's bound address; a wildcard host (0.0.0.0, [::]) is reached over loopback.</param>
    public ExplorerWarmUp(Uri boundUri, string rpcPath, bool explorer, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(boundUri);
        ArgumentException.ThrowIfNullOrEmpty(rpcPath);
        _baseUri = LoopbackFor(boundUri);
        _rpcPath = rpcPath;
        _explorer = explorer;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The address the requests go to.</summary>
    public Uri BaseUri => _baseUri;

    /// <summary>Runs every request once; returns how many were answered. Never throws except on cancellation.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Stopwatch elapsed = Stopwatch.StartNew();
        int answered = 0;
        using SocketsHttpHandler handler = new() { UseProxy = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
        using HttpClient http = new(handler) { BaseAddress = _baseUri, Timeout = s_requestTimeout };
        foreach ((string name, Func<HttpClient, CancellationToken, Task> step) in Steps())
        {
            try
            {
                await step(http, cancellationToken).ConfigureAwait(false);
                answered++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or WebSocketException or JsonException or InvalidOperationException or IOException
                or OperationCanceledException)
            {
                // Only the first visitor pays for a skipped step; nothing else depends on it.
                _logger.LogDebug("Warm-up step {Step} failed: {Error}", name, e.Message);
            }
        }

        _logger.LogDebug("Warmed up the explorer, JSON-RPC, WebSocket and /metrics paths in {Ms} ms ({Answered} steps)",
            elapsed.ElapsedMilliseconds, answered);
        return answered;
    }

    private IEnumerable<(string Name, Func<HttpClient, CancellationToken, Task> Step)> Steps()
    {
        if (_explorer)
        {
            yield return ("explorer page", (http, ct) => GetAsync(http, ExplorerEndpoints.BasePath + "/", null, ct));
            yield return ("explorer script (gzip, then ETag)", async (http, ct) =>
            {
                string? etag = await GetAsync(http, ExplorerEndpoints.BasePath + "/app.js", null, ct).ConfigureAwait(false);
                await GetAsync(http, ExplorerEndpoints.BasePath + "/app.js", etag, ct).ConfigureAwait(false);
            });
            yield return ("explorer abi.json", (http, ct) => GetAsync(http, ExplorerEndpoints.BasePath + "/" + ExplorerAssets.AbiIndexName, null, ct));
        }

        yield return ("JSON-RPC home page batches", HomeBatchesAsync);
        yield return ("JSON-RPC single call", (http, ct) => PostAsync(http, """{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", ct));
        yield return ("WebSocket newHeads", SubscribeAsync);
        yield return ("/metrics", async (http, ct) =>
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        });
    }

    /// <summary>GET with a browser's Accept-Encoding; returns the ETag.</summary>
    private static async Task<string?> GetAsync(HttpClient http, string path, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag?.ToString();
    }

    // The page sends every call as a batch (a single call is a batch of one), blocks with their full transactions.
    private async Task HomeBatchesAsync(HttpClient http, CancellationToken cancellationToken)
    {
        string head = await PostAsync(http, """[{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}]""", cancellationToken).ConfigureAwait(false);
        ulong number;
        using (JsonDocument reply = JsonDocument.Parse(head))
        {
            string hex = reply.RootElement[0].GetProperty("result").GetString() ?? throw new JsonException("eth_blockNumber returned no result");
            number = Convert.ToUInt64(hex, 16);
        }

        StringBuilder batch = new("""[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":2,"method":"eth_gasPrice","params":[]}""");
        for (ulong i = 0; i < HomeBlocks && i <= number; i++)
        {
            batch.Append(System.Globalization.CultureInfo.InvariantCulture,
                $$""",{"jsonrpc":"2.0","id":{{i + 3}},"method":"eth_getBlockByNumber","params":["0x{{number - i:x}}",true]}""");
        }

        batch.Append(']');
        await PostAsync(http, batch.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> PostAsync(HttpClient http, string body, CancellationToken cancellationToken)
    {
        using StringContent content = new(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri(_rpcPath, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SubscribeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using ClientWebSocket socket = new();
        Uri uri = new UriBuilder(new Uri(_baseUri, _rpcPath)) { Scheme = "ws" }.Uri;
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_requestTimeout);
        await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
        string subscription = await ExchangeAsync(socket, """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""", timeout.Token).ConfigureAwait(false);
        using (JsonDocument reply = JsonDocument.Parse(subscription))
        {
            if (reply.RootElement.TryGetProperty("result", out JsonElement id) && id.GetString() is { } subscriptionId)
            {
                await ExchangeAsync(socket, $$"""{"jsonrpc":"2.0","id":2,"method":"eth_unsubscribe","params":["{{subscriptionId}}"]}""", timeout.Token)
                    .ConfigureAwait(false);
            }
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "warm-up done", timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Sends one message and returns the reply with the same id (a newHeads notification may come first).</summary>
    private static async Task<string> ExchangeAsync(ClientWebSocket socket, string message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        byte[] buffer = new byte[16 * 1024];
        while (true)
        {
            using MemoryStream received = new();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("the server closed the warm-up socket");
                }

                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            string text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            if (!text.Contains("\"eth_subscription\"", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    private static Uri LoopbackFor(Uri bound)
    {
        if (!IPAddress.TryParse(bound.Host.Trim('[', ']'), out IPAddress? address))
        {
            return bound;
        }

        IPAddress target = address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : address;
        return new UriBuilder(bound) { Host = target.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{target}]" : target.ToString() }.Uri;
    }
}
