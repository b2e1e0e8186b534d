using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrustChain.Rpc.Tests.Eth;

namespace TrustChain.Rpc.Tests.Hosting;

/// <summary>
/// The four per-block methods over real HTTP on a real chain: the cached answers are byte-identical to the general
/// dispatcher's, carry the same headers, and move with the head.
/// </summary>
public sealed class CachedResponseHttpTests
{
    private static readonly string[] s_methods = ["eth_blockNumber", "eth_chainId", "net_version", "eth_gasPrice"];
    private static readonly string[] s_ids = ["7", "\"req-1\"", "null", "1.5"];

    private EthTestChain _chain = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _chain = await EthTestChain.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _chain.DisposeAsync();

    [Test]
    public async Task Every_cached_method_and_id_shape_matches_the_general_path_across_blocks()
    {
        Assert.That(_chain.Server.Methods.ResultCache.Count, Is.EqualTo(s_methods.Length));
        for (int block = 0; block < 2; block++)
        {
            foreach (string method in s_methods)
            {
                foreach (string id in s_ids)
                {
                    string request = $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":[]}}";
                    (HttpResponseMessage response, string body) = await PostAsync(request);
                    using (response)
                    {
                        string? general = await _chain.Server.Dispatcher.DispatchAsync(request);
                        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                        Assert.That(body, Is.EqualTo(general), request);
                        Assert.That(body, Does.Contain("\"result\":"));
                        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
                        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(Encoding.UTF8.GetByteCount(body)));
                    }
                }
            }

            _chain.ProduceBlock();
        }
    }

    [Test]
    public async Task Block_number_follows_the_head_immediately()
    {
        const string request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}";
        (HttpResponseMessage first, string before) = await PostAsync(request);
        first.Dispose();
        ulong head = _chain.Chain.Head.Number;
        Assert.That(before, Is.EqualTo($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x{head:x}\"}}"));

        _chain.ProduceBlock();
        (HttpResponseMessage second, string after) = await PostAsync(request);
        second.Dispose();

        Assert.That(after, Is.EqualTo($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x{head + 1:x}\"}}"));
    }

    [Test]
    public async Task Arguments_still_get_the_general_error()
    {
        (HttpResponseMessage response, string body) = await PostAsync("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_blockNumber\",\"params\":[1]}");
        response.Dispose();

        Assert.That(body, Does.StartWith("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,"));
    }

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response = await _chain.Client.PostAsync((Uri?)null, content);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
