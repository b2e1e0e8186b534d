using TrustChain.Rpc.Metrics;

namespace TrustChain.Rpc.Tests.Metrics;

[TestFixture]
public sealed class MetricsRegistryTests
{
    [Test]
    public void Writes_counters_and_gauges_in_text_format_0_0_4()
    {
        var registry = new MetricsRegistry();
        Counter proofs = registry.Counter("tc_proofs_total", "Proofs verified.");
        Gauge set = registry.Gauge("tc_temperature", "A set gauge.");
        int height = 41;
        registry.Gauge("tc_height", "Read at scrape.", () => height);
        proofs.Increment();
        proofs.Increment(2);
        set.Set(-1.5);
        height++;

        Assert.That(registry.Scrape(), Is.EqualTo(
            "# HELP tc_proofs_total Proofs verified.\n# TYPE tc_proofs_total counter\ntc_proofs_total 3\n" +
            "# HELP tc_temperature A set gauge.\n# TYPE tc_temperature gauge\ntc_temperature -1.5\n" +
            "# HELP tc_height Read at scrape.\n# TYPE tc_height gauge\ntc_height 42\n"));
    }

    [Test]
    public void Histogram_buckets_are_cumulative_with_inf_sum_and_count()
    {
        var registry = new MetricsRegistry();
        Histogram histogram = registry.Histogram("tc_seconds", "Latency.", [0.1, 1]);
        histogram.Observe(0.05);
        histogram.Observe(0.1);
        histogram.Observe(0.5);
        histogram.Observe(TimeSpan.FromSeconds(3));

        Assert.That(registry.Scrape(), Is.EqualTo(
            "# HELP tc_seconds Latency.\n# TYPE tc_seconds histogram\n" +
            "tc_seconds_bucket{le=\"0.1\"} 2\ntc_seconds_bucket{le=\"1\"} 3\ntc_seconds_bucket{le=\"+Inf\"} 4\n" +
            "tc_seconds_sum 3.65\ntc_seconds_count 4\n"));
    }

    [Test]
    public void Labelled_series_are_sorted_and_label_values_escaped()
    {
        var registry = new MetricsRegistry();
        LabeledCounter calls = registry.Counter("tc_calls_total", "Calls \\ by method\nper line.", "method");
        calls.Increment("eth_call");
        calls.Increment("a\"b\\c\nd", 4);
        calls.Increment("eth_call");
        LabeledHistogram latency = registry.Histogram("tc_latency_seconds", "Latency.", "method", [1]);
        latency.Observe("x", 2);

        Assert.That(registry.Scrape(), Is.EqualTo(
            "# HELP tc_calls_total Calls \\\\ by method\\nper line.\n# TYPE tc_calls_total counter\n" +
            "tc_calls_total{method=\"a\\\"b\\\\c\\nd\"} 4\ntc_calls_total{method=\"eth_call\"} 2\n" +
            "# HELP tc_latency_seconds Latency.\n# TYPE tc_latency_seconds histogram\n" +
            "tc_latency_seconds_bucket{method=\"x\",le=\"1\"} 0\ntc_latency_seconds_bucket{method=\"x\",le=\"+Inf\"} 1\n" +
            "tc_latency_seconds_sum{method=\"x\"} 2\ntc_latency_seconds_count{method=\"x\"} 1\n"));
        Assert.That(calls.ValueOf("eth_call"), Is.EqualTo(2));
    }

    [Test]
    public void Same_name_returns_the_same_metric_and_a_different_type_throws()
    {
        var registry = new MetricsRegistry();
        Counter first = registry.Counter("tc_x_total", "x");
        Assert.That(registry.Counter("tc_x_total", "x"), Is.SameAs(first));
        Assert.That(() => registry.Gauge("tc_x_total", "x"), Throws.InvalidOperationException.With.Message.Contains("already registered as a Counter"));
        registry.Gauge("tc_cb", "cb", () => 1);
        Assert.That(() => registry.Gauge("tc_cb", "cb", () => 2), Throws.InvalidOperationException.With.Message.Contains("already registered"));
        Assert.That(registry.Count, Is.EqualTo(2));
    }

    [TestCase("1abc")]
    [TestCase("tc-dash")]
    [TestCase("")]
    [TestCase("tc space")]
    public void Invalid_metric_names_are_refused(string name)
    {
        var registry = new MetricsRegistry();
        Assert.That(() => registry.Counter(name, "x"), Throws.ArgumentException.With.Message.Contains("invalid metric name"));
        Assert.That(registry.Count, Is.Zero);
    }

    [TestCase("le")]
    [TestCase("__reserved")]
    [TestCase("a:b")]
    public void Invalid_label_names_are_refused(string label)
    {
        var registry = new MetricsRegistry();
        Assert.That(() => registry.Counter("tc_ok_total", "x", label), Throws.ArgumentException.With.Message.Contains("invalid label name"));
    }

    [TestCase(new double[0])]
    [TestCase(new[] { 1.0, 1.0 })]
    [TestCase(new[] { 2.0, 1.0 })]
    [TestCase(new[] { double.PositiveInfinity })]
    public void Bad_bucket_bounds_are_refused(double[] bounds)
    {
        var registry = new MetricsRegistry();
        Assert.That(() => registry.Histogram("tc_h", "x", bounds), Throws.ArgumentException);
    }

    [Test]
    public void Label_cardinality_is_capped()
    {
        var registry = new MetricsRegistry();
        LabeledCounter counter = registry.Counter("tc_capped_total", "x", "k");
        for (int i = 0; i < LabeledCounter.MaxSeries + 50; i++)
        {
            counter.Increment("v" + i);
        }

        string text = registry.Scrape();
        int series = text.Split('\n').Count(l => l.StartsWith("tc_capped_total{", StringComparison.Ordinal));
        Assert.That(series, Is.EqualTo(LabeledCounter.MaxSeries + 1));
        Assert.That(counter.ValueOf(LabeledHistogram.OverflowLabel), Is.EqualTo(50));
    }

    [Test]
    public void Counters_add_up_under_concurrency()
    {
        var registry = new MetricsRegistry();
        Counter counter = registry.Counter("tc_c_total", "x");
        Histogram histogram = registry.Histogram("tc_h_seconds", "x", [0.5]);
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                counter.Increment();
                histogram.Observe(0.25);
            }
        });

        Assert.That(counter.Value, Is.EqualTo(80_000));
        Assert.That(histogram.Count, Is.EqualTo(80_000));
        Assert.That(histogram.Sum, Is.EqualTo(20_000));
    }

    [Test]
    public void Setting_a_callback_gauge_is_refused()
    {
        var registry = new MetricsRegistry();
        Gauge gauge = registry.Gauge("tc_cb", "x", () => 1);
        Assert.That(() => gauge.Set(2), Throws.InvalidOperationException);
    }
}
