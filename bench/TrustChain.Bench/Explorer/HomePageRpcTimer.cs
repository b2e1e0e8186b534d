using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrustChain.Bench.Explorer;

/// <summary>
/// Replays the JSON-RPC reads of the explorer home page (home.js): eth_blockNumber, then one batch of eth_chainId,
/// eth_gasPrice and the latest ten blocks with transactions, plus the page's static files. This is the server's share
/// of a first load, measurable without a browser.
/// </summary>
public sealed class HomePageRpcTimer : IDisposable
{
    private static readonly string[] Assets = ["/explorer/", "/explorer/app.js", "/explorer/app.css", "/explorer/home.js", "/explorer/abi.json"];

    private readonly HttpClient _http;
    private readonly Uri _rpc;

    public HomePageRpcTimer(Uri rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>One home-page load's requests, in the page's order; returns the elapsed time and the head it saw.</summary>
    public async Task<(TimeSpan Elapsed, ulong Head)> LoadOnceAsync()
    {
        long start = Stopwatch.GetTimestamp();
        foreach (string asset in Assets)
        {
            using HttpResponseMessage response = await _http.GetAsync(new Uri(_rpc, asset)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        using JsonDocument number = await PostAsync("""{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}""").ConfigureAwait(false);
        ulong head = ulong.Parse(number.RootElement.GetProperty("result").GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        StringBuilder batch = new("""[{"jsonrpc":"2.0","id":2,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":3,"method":"eth_gasPrice","params":[]}""");
        for (ulong i = 0; i < 10 && i <= head; i++)
        {
            batch.Append(CultureInfo.InvariantCulture, $$""",{"jsonrpc":"2.0","id":{{4 + i}},"method":"eth_getBlockByNumber","params":["0x{{head - i:x}}",true]}""");
        }

        batch.Append(']');
        using JsonDocument replies = await PostAsync(batch.ToString()).ConfigureAwait(false);
        foreach (JsonElement reply in replies.RootElement.EnumerateArray())
        {
            if (reply.TryGetProperty("error", out JsonElement error))
            {
                throw new InvalidOperationException("home page call failed: " + error.GetRawText());
            }
        }

        return (Stopwatch.GetElapsedTime(start), head);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> PostAsync(string body)
    {
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync(_rpc, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
    }
}
