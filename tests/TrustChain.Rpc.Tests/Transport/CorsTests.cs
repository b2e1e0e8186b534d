using System.Net;
using System.Text;

namespace TrustChain.Rpc.Tests.Transport;

[TestFixture]
public sealed class CorsTests
{
    private const string Call = """{"jsonrpc":"2.0","id":1,"method":"test_add","params":["0x1","0x1"]}""";
    private RpcTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RpcTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task Preflight_FromAllowedOrigin_IsAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, string.Empty);
        request.Headers.Add("Origin", RpcTestServer.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { RpcTestServer.AllowedOrigin }));
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), Does.Contain("POST"));
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("content-type"));
    }

    [Test]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, string.Empty);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [TestCase(RpcTestServer.AllowedOrigin, true)]
    [TestCase("https://evil.example", false)]
    public async Task Post_CarriesAllowOriginOnlyForAllowedOrigin(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent(Call, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.EqualTo(allowed));
        if (allowed)
        {
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(origin));
        }
    }

    [Test]
    public async Task WildcardOrigin_AnswersStar()
    {
        var options = RpcTestServer.SmallLimits();
        options.CorsAllowedOrigins = ["*"];
        await using RpcTestServer server = await RpcTestServer.StartAsync(options);
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent(Call, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://anything.example");
        using HttpResponseMessage response = await server.Client.SendAsync(request);
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
    }

    [TestCase("localhost", HttpStatusCode.OK)]
    [TestCase("127.0.0.1", HttpStatusCode.OK)]
    [TestCase("rebind.example", HttpStatusCode.Forbidden)]
    public async Task VirtualHosts_AreEnforced(string host, HttpStatusCode expected)
    {
        var options = RpcTestServer.SmallLimits();
        options.AllowedHosts = ["localhost"];
        await using RpcTestServer server = await RpcTestServer.StartAsync(options);
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent(Call, Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;
        using HttpResponseMessage response = await server.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}
