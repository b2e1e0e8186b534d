using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Rpc.Explorer;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Tests.Subscriptions;

namespace TrustChain.Rpc.Tests.Hosting;

/// <summary>The start-up warm-up sends a first explorer load's requests through the real server, and never throws.</summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class ExplorerWarmUpTests
{
    private const int Steps = 7;

    [Test]
    public async Task Warm_up_runs_every_request_of_a_first_load_through_the_server()
    {
        await using LiveNode node = await LiveNode.StartAsync();
        for (int i = 0; i < 3; i++)
        {
            node.ProduceBlock();
        }

        int answered = await node.Server.WarmUpAsync();

        Assert.That(answered, Is.EqualTo(Steps));
        string metrics = await node.Http.GetStringAsync(OperatorEndpoints.MetricsPath);
        Assert.Multiple(() =>
        {
            Assert.That(Requests(metrics, "eth_blockNumber"), Is.EqualTo(1));
            // Head #3: the home page's batch asks for blocks 3, 2, 1 and 0, and the single call is eth_chainId.
            Assert.That(Requests(metrics, "eth_getBlockByNumber"), Is.EqualTo(4));
            Assert.That(Requests(metrics, "eth_chainId"), Is.EqualTo(2));
            Assert.That(Requests(metrics, "eth_gasPrice"), Is.EqualTo(1));
            Assert.That(Requests(metrics, "eth_subscribe"), Is.EqualTo(1));
            Assert.That(Requests(metrics, "eth_unsubscribe"), Is.EqualTo(1));
            Assert.That(node.Module.Subscriptions.ActiveSubscriptions, Is.Zero, "the warm-up's subscription is gone");
        });
    }

    [Test]
    public async Task A_server_that_does_not_answer_costs_nothing_but_the_steps()
    {
        // A port with nothing listening: every step fails, none throws.
        using System.Net.Sockets.TcpListener probe = new(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        ExplorerWarmUp warmUp = new(new Uri($"http://127.0.0.1:{port}/"), "/", explorer: true, NullLogger.Instance);

        Assert.That(await warmUp.RunAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public void Cancellation_stops_it()
    {
        ExplorerWarmUp warmUp = new(new Uri("http://127.0.0.1:9/"), "/", explorer: true, NullLogger.Instance);
        using CancellationTokenSource cancelled = new();
        cancelled.Cancel();

        Assert.That(() => warmUp.RunAsync(cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase("http://0.0.0.0:8545/", "http://127.0.0.1:8545/")]
    [TestCase("http://[::]:8545/", "http://[::1]:8545/")]
    [TestCase("http://127.0.0.1:8545/", "http://127.0.0.1:8545/")]
    [TestCase("http://10.1.2.3:8545/", "http://10.1.2.3:8545/")]
    public void A_wildcard_listen_address_is_reached_over_loopback(string bound, string expected)
    {
        Assert.That(new ExplorerWarmUp(new Uri(bound), "/", explorer: false, NullLogger.Instance).BaseUri, Is.EqualTo(new Uri(expected)));
    }

    private static int Requests(string metrics, string method)
    {
        string prefix = $"{MetricNames.RpcRequests}{{method=\"{method}\"}} ";
        foreach (string line in metrics.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (int)double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
