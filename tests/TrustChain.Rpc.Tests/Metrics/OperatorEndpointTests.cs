using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Tests.Subscriptions;

namespace TrustChain.Rpc.Tests.Metrics;

/// <summary>/metrics and /health on a live node (real chain, real server on a free port).</summary>
[TestFixture]
public sealed partial class OperatorEndpointTests
{
    private LiveNode _node = null!;

    [SetUp]
    public async Task Start() => _node = await LiveNode.StartAsync();

    [TearDown]
    public async Task Stop() => await _node.DisposeAsync();

    [Test]
    public async Task Metrics_reports_chain_pool_rpc_and_rocksdb_in_valid_exposition_format()
    {
        _node.ProduceBlock();
        _node.ProduceBlock();
        for (int i = 0; i < 5; i++)
        {
            await _node.HttpCallAsync("eth_blockNumber");
        }

        await _node.HttpCallAsync("eth_getBlockByNumber", "not-a-number", false);
        _node.Metrics.ProofsVerified.Increment(7);
        _node.Chain.Database.Flush();

        using HttpResponseMessage response = await _node.Http.GetAsync(OperatorEndpoints.MetricsPath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo(OperatorEndpoints.PrometheusContentType));
        string text = await response.Content.ReadAsStringAsync();
        Dictionary<string, double> samples = Parse(text);

        Assert.That(samples[MetricNames.HeadBlock], Is.EqualTo(2));
        Assert.That(samples[MetricNames.BlocksCommitted], Is.EqualTo(2));
        Assert.That(samples[MetricNames.Peers], Is.EqualTo(3));
        Assert.That(samples[MetricNames.TxPoolPending], Is.Zero);
        Assert.That(samples[MetricNames.ProofsVerified], Is.EqualTo(7));
        Assert.That(samples[MetricNames.Enrolments], Is.Zero);
        Assert.That(samples[MetricNames.RpcRequests + "{method=\"eth_blockNumber\"}"], Is.EqualTo(5));
        Assert.That(samples[MetricNames.RpcRequestSeconds + "_count{method=\"eth_blockNumber\"}"], Is.EqualTo(5));
        Assert.That(samples[MetricNames.RpcErrors + "{method=\"eth_getBlockByNumber\"}"], Is.EqualTo(1));
        Assert.That(samples.ContainsKey(MetricNames.RpcErrors + "{method=\"eth_blockNumber\"}"), Is.False);
        Assert.That(samples[MetricNames.RpcSubscriptions], Is.Zero);
        double sst = samples.Where(s => s.Key.StartsWith(MetricNames.RocksDbSstBytes + "{cf=", StringComparison.Ordinal)).Sum(s => s.Value);
        Assert.That(sst, Is.GreaterThan(0), "flushed blocks must show up as SST bytes");
        Assert.That(samples.Keys.Count(k => k.StartsWith(MetricNames.RocksDbLiveDataBytes + "{cf=", StringComparison.Ordinal)), Is.EqualTo(_node.Chain.Database.ColumnFamilies.Count));
    }

    [Test]
    public async Task Scrape_takes_well_under_20_ms()
    {
        for (int i = 0; i < 20; i++)
        {
            _node.ProduceBlock();
            await _node.HttpCallAsync("eth_blockNumber");
            await _node.HttpCallAsync("eth_chainId");
        }

        const int Scrapes = 100;
        double[] http = new double[Scrapes];
        for (int i = 0; i < Scrapes; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await _node.Http.GetAsync(OperatorEndpoints.MetricsPath);
            _ = await response.Content.ReadAsByteArrayAsync();
            http[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long inProcessStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < Scrapes; i++)
        {
            _ = _node.Registry.Scrape();
        }

        double inProcess = Stopwatch.GetElapsedTime(inProcessStart).TotalMilliseconds / Scrapes;
        Array.Sort(http);
        double median = http[Scrapes / 2];
        TestContext.Out.WriteLine($"/metrics over HTTP: median {median:0.00} ms, p95 {http[Scrapes * 95 / 100]:0.00} ms; in-process render {inProcess:0.000} ms");
        Assert.That(median, Is.LessThan(20));
        Assert.That(Parse((await _node.Http.GetStringAsync(OperatorEndpoints.MetricsPath)))["trustchain_metrics_scrape_seconds"], Is.LessThan(0.02));
    }

    [Test]
    public async Task Health_is_200_while_the_head_advances_and_503_when_it_stalls()
    {
        (HttpStatusCode status, JsonElement body) = await HealthAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(body.GetProperty("head").GetUInt64(), Is.Zero);
        Assert.That(body.GetProperty("syncing").GetBoolean(), Is.False);
        Assert.That(body.GetProperty("peers").GetInt32(), Is.EqualTo(3));

        _node.Time.Advance(TimeSpan.FromSeconds(31));
        (status, body) = await HealthAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("stalled"));
        Assert.That(body.GetProperty("headAgeMs").GetInt64(), Is.EqualTo(31_000));

        _node.ProduceBlock();
        _node.Time.Advance(TimeSpan.FromSeconds(2));
        (status, body) = await HealthAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("head").GetUInt64(), Is.EqualTo(1));
        Assert.That(body.GetProperty("headHash").GetString(), Is.EqualTo(_node.Chain.Head.Hash.ToString()));
        Assert.That(body.GetProperty("headAgeMs").GetInt64(), Is.EqualTo(2_000));
    }

    private async Task<(HttpStatusCode, JsonElement)> HealthAsync()
    {
        using HttpResponseMessage response = await _node.Http.GetAsync(OperatorEndpoints.HealthPath);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Checks every line against the 0.0.4 grammar and returns samples keyed by name{labels}.</summary>
    private static Dictionary<string, double> Parse(string text)
    {
        Assert.That(text, Does.EndWith("\n"));
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            Match type = TypeLine().Match(line);
            if (type.Success)
            {
                Assert.That(typed.Add(type.Groups[1].Value), Is.True, $"duplicate TYPE for {type.Groups[1].Value}");
                continue;
            }

            Match sample = SampleLine().Match(line);
            Assert.That(sample.Success, Is.True, $"not a valid sample line: {line}");
            string value = sample.Groups[3].Value;
            double parsed = value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            Assert.That(samples.TryAdd(sample.Groups[1].Value + sample.Groups[2].Value, parsed), Is.True, $"duplicate series {line}");
        }

        return samples;
    }

    [GeneratedRegex("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\n\"])*\",?)*\\})? ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))$")]
    private static partial Regex SampleLine();
}
