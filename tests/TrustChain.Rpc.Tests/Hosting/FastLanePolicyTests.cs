using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Tests.Eth;

namespace TrustChain.Rpc.Tests.Hosting;

/// <summary>
/// What the fast lane must keep from the general path besides the bytes: the Host filter (geth's vhosts), the
/// per-method metrics, Kestrel's keep-alive timeout and a prompt close on server shutdown.
/// </summary>
public sealed class FastLanePolicyTests
{
    private EthTestChain _chain = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _chain = await EthTestChain.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _chain.DisposeAsync();

    [TestCase("good.example", true)]
    [TestCase("GOOD.example:8545", true)]
    [TestCase("10.1.2.3:80", true)]
    [TestCase("[::1]", true)]
    [TestCase("evil.example", false)]
    [TestCase("good.example.evil", false)]
    public async Task The_host_filter_applies_in_the_lane_as_on_the_general_path(string host, bool allowed)
    {
        await using RpcServer lane = await StartAsync(new RpcOptions { Port = 0, AllowedHosts = ["good.example"] });
        await using RpcServer general = await StartAsync(new RpcOptions { Port = 0, AllowedHosts = ["good.example"], EnableHttpFastLane = false });
        byte[] request = RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber"), host: host);

        string laneAnswer = await ExchangeAsync(lane, request);
        string generalAnswer = await ExchangeAsync(general, request);

        Assert.That(RawHttpExchange.WithoutDate(laneAnswer), Is.EqualTo(RawHttpExchange.WithoutDate(generalAnswer)));
        Assert.That(laneAnswer, Does.StartWith(allowed ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 403 Forbidden\r\n"));
        Assert.That(lane.FastLaneRequests, Is.EqualTo(allowed ? 1 : 0));
        Assert.That(lane.FastLaneHandOvers, Is.EqualTo(allowed ? 0 : 1));
    }

    [Test]
    public async Task Lane_answers_are_counted_in_the_rpc_metrics()
    {
        var registry = new MetricsRegistry();
        await using RpcServer lane = await StartAsync(new RpcOptions { Port = 0 }, new RpcMetrics(registry));
        await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(lane.HttpUri);
        for (int i = 0; i < 3; i++)
        {
            await exchange.SendAsync(RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber")));
            await exchange.ReadResponsesAsync(1);
        }

        await exchange.SendAsync(RawHttpExchange.Post(RawHttpExchange.Call("eth_chainId")));
        await exchange.ReadResponsesAsync(1);

        Assert.That(lane.FastLaneRequests, Is.EqualTo(4));
        Assert.That(registry.TryGet(MetricNames.RpcRequests, out Metric? metric), Is.True);
        var requests = (LabeledCounter)metric!;
        Assert.That(requests.ValueOf("eth_blockNumber"), Is.EqualTo(3));
        Assert.That(requests.ValueOf("eth_chainId"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_idle_lane_connection_is_closed_after_the_keep_alive_timeout()
    {
        await using RpcServer lane = await StartAsync(new RpcOptions { Port = 0, KeepAliveTimeout = TimeSpan.FromSeconds(1) });
        await using RawHttpExchange used = await RawHttpExchange.ConnectAsync(lane.HttpUri);
        await using RawHttpExchange silent = await RawHttpExchange.ConnectAsync(lane.HttpUri);
        await used.SendAsync(RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber")));
        await used.ReadResponsesAsync(1);

        Assert.That(await used.WaitForCloseAsync(TimeSpan.FromSeconds(30)), Is.True, "idle after a request");
        Assert.That(await silent.WaitForCloseAsync(TimeSpan.FromSeconds(30)), Is.True, "never sent a request");
        Assert.That(lane.FastLaneRequests, Is.EqualTo(1));
        Assert.That(lane.FastLaneHandOvers, Is.Zero);
    }

    [Test]
    public async Task Server_shutdown_closes_idle_lane_connections()
    {
        RpcServer lane = await StartAsync(new RpcOptions { Port = 0 });
        await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(lane.HttpUri);
        await exchange.SendAsync(RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber")));
        await exchange.ReadResponsesAsync(1);

        Task stopping = lane.DisposeAsync().AsTask();

        Assert.That(await exchange.WaitForCloseAsync(TimeSpan.FromSeconds(30)), Is.True);
        await stopping;
        Assert.That(lane.FastLaneHandOvers, Is.Zero);
    }

    [Test]
    public async Task A_path_the_lane_cannot_match_byte_for_byte_leaves_everything_to_kestrel()
    {
        // Kestrel percent-decodes the target before routing; the lane only compares raw ASCII bytes, so it stays off.
        await using RpcServer server = await StartAsync(new RpcOptions { Port = 0, Path = "/\u00fc" });

        string answer = await ExchangeAsync(server, RawHttpExchange.Post(RawHttpExchange.Call("eth_blockNumber"), path: "/%C3%BC"));

        Assert.That(answer, Does.StartWith("HTTP/1.1 200 OK\r\n"));
        Assert.That(answer, Does.Contain("\"result\":\"0x"));
        Assert.That(server.FastLaneRequests, Is.Zero);
        Assert.That(server.FastLaneHandOvers, Is.Zero);
    }

    private async Task<RpcServer> StartAsync(RpcOptions options, IRpcMetrics? metrics = null)
    {
        var server = new RpcServer(options, _chain.Server.Methods, metrics: metrics);
        await server.StartAsync();
        return server;
    }

    private static async Task<string> ExchangeAsync(RpcServer server, byte[] request)
    {
        await using RawHttpExchange exchange = await RawHttpExchange.ConnectAsync(server.HttpUri);
        await exchange.SendAsync(request);
        IReadOnlyList<string> responses = await exchange.ReadResponsesAsync(1);
        return responses[0];
    }
}
