using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

/// <summary>A real server on a free loopback port with deliberately small limits, plus an HttpClient.</summary>
public sealed class RpcTestServer : IAsyncDisposable
{
    public const string AllowedOrigin = "https://allowed.example";

    private RpcTestServer(RpcServer server, TestRpcModule module)
    {
        Server = server;
        Module = module;
        Client = new HttpClient { BaseAddress = server.RpcUri };
    }

    public RpcServer Server { get; }

    public TestRpcModule Module { get; }

    public HttpClient Client { get; }

    public static RpcOptions SmallLimits() => new()
    {
        ListenAddress = "127.0.0.1",
        Port = 0,
        MaxRequestBodySize = 16 * 1024,
        BatchRequestLimit = 10,
        BatchResponseMaxSize = 2000,
        RequestTimeout = TimeSpan.FromMilliseconds(500),
        WebSocketMaxMessageSize = 4096,
        CorsAllowedOrigins = [AllowedOrigin],
    };

    public static async Task<RpcTestServer> StartAsync(RpcOptions? options = null)
    {
        var module = new TestRpcModule();
        var registry = new RpcMethodRegistry();
        registry.Register(module);
        var server = new RpcServer(options ?? SmallLimits(), registry);
        server.MapEndpoints(endpoints => endpoints.MapGet("/health", () => "ok"));
        await server.StartAsync();
        return new RpcTestServer(server, module);
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using HttpResponseMessage response = await Client.PostAsync(string.Empty, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> CallAsync(string json)
    {
        (HttpStatusCode status, string body) = await PostAsync(json);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static void AssertError(JsonElement response, int code, string message, string idJson = "null")
    {
        Assert.That(response.GetProperty("jsonrpc").GetString(), Is.EqualTo("2.0"));
        Assert.That(response.GetProperty("id").GetRawText(), Is.EqualTo(idJson));
        Assert.That(response.TryGetProperty("result", out _), Is.False);
        JsonElement error = response.GetProperty("error");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(code));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
