using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrustChain.Chain.Abi;
using TrustChain.Rpc.Explorer;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Explorer;

/// <summary>The /explorer static endpoint on a real Kestrel RpcServer: content types, 404s, SPA fallback, ETags.</summary>
[TestFixture]
public sealed class ExplorerEndpointTests
{
    private RpcServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = new RpcServer(new RpcOptions { Port = 0, Path = "/rpc" }, new RpcMethodRegistry());
        await _server.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _server.HttpUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [TestCase("/explorer", "text/html")]
    [TestCase("/explorer/", "text/html")]
    [TestCase("/explorer/index.html", "text/html")]
    [TestCase("/explorer/app.js", "text/javascript")]
    [TestCase("/explorer/abi.js", "text/javascript")]
    [TestCase("/explorer/app.css", "text/css")]
    [TestCase("/explorer/favicon.svg", "image/svg+xml")]
    [TestCase("/explorer/abi.json", "application/json")]
    public async Task Serves_files_with_their_content_type(string path, string mediaType)
    {
        using HttpResponseMessage response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Not.Empty);
    }

    [TestCase("/explorer/nope.js")]
    [TestCase("/explorer/block/app.css")]
    [TestCase("/explorer/../secret.txt")]
    [TestCase("/explorer/Abi/Staking.json")]
    public async Task Unknown_file_is_404(string path)
    {
        using HttpResponseMessage response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("<html"));
    }

    [TestCase("/explorer/block/123")]
    [TestCase("/explorer/tx/0x2d7f0f8a3b1d9c1e0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081")]
    [TestCase("/explorer/address/0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    [TestCase("/explorer/validators")]
    public async Task Client_routes_fall_back_to_index(string path)
    {
        using HttpResponseMessage index = await _http.GetAsync("/explorer/");
        using HttpResponseMessage response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Headers.ETag, Is.EqualTo(index.Headers.ETag));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(await index.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task Index_carries_the_rpc_path_and_a_restrictive_csp()
    {
        using HttpResponseMessage response = await _http.GetAsync("/explorer/");
        string html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<meta name=\"trustchain-rpc-path\" content=\"/rpc\">"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "no external resources");
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("default-src 'none'").And.Contain("connect-src 'self'"));
    }

    [Test]
    public async Task Matching_etag_gets_304_and_a_stale_one_gets_the_file()
    {
        using HttpResponseMessage first = await _http.GetAsync("/explorer/app.js");
        EntityTagHeaderValue etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/explorer/app.js");
        conditional.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage notModified = await _http.SendAsync(conditional);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(notModified.Headers.ETag, Is.EqualTo(etag));
        Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);

        using var weak = new HttpRequestMessage(HttpMethod.Get, "/explorer/app.js");
        weak.Headers.TryAddWithoutValidation("If-None-Match", "\"other\", W/" + etag.Tag);
        using HttpResponseMessage weakMatch = await _http.SendAsync(weak);
        Assert.That(weakMatch.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/explorer/app.js");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef\""));
        using HttpResponseMessage fresh = await _http.SendAsync(stale);
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await fresh.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
    }

    [Test]
    public async Task Different_files_have_different_etags()
    {
        using HttpResponseMessage js = await _http.GetAsync("/explorer/app.js");
        using HttpResponseMessage css = await _http.GetAsync("/explorer/app.css");
        Assert.That(js.Headers.ETag, Is.Not.EqualTo(css.Headers.ETag));
    }

    [TestCase("gzip", true)]
    [TestCase("br, gzip;q=0.5", true)]
    [TestCase("gzip;q=0", false)]
    [TestCase("identity", false)]
    public async Task Gzip_only_when_accepted_and_identical_once_inflated(string acceptEncoding, bool gzipped)
    {
        using HttpResponseMessage plain = await _http.GetAsync("/explorer/pages.js");
        byte[] expected = await plain.Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/explorer/pages.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using HttpResponseMessage response = await _http.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.Content.Headers.ContentEncoding.Contains("gzip"), Is.EqualTo(gzipped));
        Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
        if (gzipped)
        {
            Assert.That(body, Has.Length.LessThan(expected.Length));
            using var inflate = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            await inflate.CopyToAsync(inflated);
            body = inflated.ToArray();
        }

        Assert.That(body, Is.EqualTo(expected));
    }

    [Test]
    public async Task Head_sends_headers_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/explorer/app.css");
        using HttpResponseMessage response = await _http.SendAsync(request);
        using HttpResponseMessage get = await _http.GetAsync("/explorer/app.css");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo((await get.Content.ReadAsByteArrayAsync()).Length));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Rpc_path_still_answers_json_rpc()
    {
        using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"nope_nope"}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync("/rpc", content);
        using JsonDocument reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(reply.RootElement.GetProperty("error").GetProperty("code").GetInt32(), Is.EqualTo(-32601));
    }

    /// <summary>
    /// abi.json covers every ABI file in the repo, with each contract's selectors and topics equal to those the chain's
    /// own ABI code computes and each function/event listed once.
    /// </summary>
    [Test]
    public async Task Abi_index_matches_the_repo_abis()
    {
        using JsonDocument index = JsonDocument.Parse(await _http.GetStringAsync("/explorer/abi.json"));
        string abiDir = Path.Combine(RepoPaths.Root, "node", "TrustChain.Chain", "SystemContracts", "Abi");
        string[] files = Directory.GetFiles(abiDir, "*.json");
        JsonElement contracts = index.RootElement.GetProperty("contracts");
        Assert.That(contracts.GetArrayLength(), Is.EqualTo(files.Length));
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            ContractAbi abi = ContractAbi.FromJson(await File.ReadAllTextAsync(file));
            JsonElement contract = contracts.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
            Dictionary<string, string> functions = contract.GetProperty("functions").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetProperty("signature").GetString()!);
            Dictionary<string, string> events = contract.GetProperty("events").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetProperty("signature").GetString()!);
            Assert.That(functions, Is.EquivalentTo(abi.Functions.ToDictionary(f => f.Selector.ToString(), f => f.Signature)), name);
            Assert.That(events, Is.EquivalentTo(abi.Events.ToDictionary(e => e.Topic0.ToString(), e => e.Signature)), name);
            string? expectedAddress = ExplorerAbiIndex.AddressOf(name)?.ToLowerHex();
            Assert.That(contract.GetProperty("address").GetString(), Is.EqualTo(expectedAddress), name);
        }
    }

    [Test]
    public void Abi_index_names_a_broken_abi()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ExplorerAbiIndex.Build([new("Broken", """[{"type":"function","name":"f","inputs":[{"name":"x","type":"uint7"}],"outputs":[],"stateMutability":"view"}]""")]));
        Assert.That(e!.Message, Does.Contain("Broken"));
    }

    [Test]
    public void Resolve_maps_paths_to_assets_index_or_nothing()
    {
        ExplorerAssets assets = ExplorerAssets.Load("/");
        Assert.Multiple(() =>
        {
            Assert.That(ExplorerEndpoints.Resolve(assets, ""), Is.SameAs(assets.Index));
            Assert.That(ExplorerEndpoints.Resolve(assets, "app.js")?.Name, Is.EqualTo("app.js"));
            Assert.That(ExplorerEndpoints.Resolve(assets, "model/7"), Is.SameAs(assets.Index));
            Assert.That(ExplorerEndpoints.Resolve(assets, "missing.png"), Is.Null);
            Assert.That(assets.Names, Does.Contain("abi.json").And.Contain("index.html").And.Contain("registries.js"));
        });
    }
}
