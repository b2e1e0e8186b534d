namespace TrustChain.Rpc.Metrics;

/// <summary>A distribution of observations (e.g. block processing seconds) in fixed buckets. Thread-safe, lock-free.</summary>
public sealed class Histogram : Metric
{
    private readonly HistogramCells _cells;
    private readonly string[] _boundLabels;

    internal Histogram(string name, string help, IReadOnlyList<double> bounds) : base(name, help)
    {
        double[] validated = HistogramBuckets.Validate(bounds);
        _cells = new HistogramCells(validated);
        _boundLabels = HistogramBuckets.Labels(validated);
    }

    public override MetricType Type => MetricType.Histogram;

    public long Count => _cells.Count;

    public double Sum => _cells.Sum;

    public void Observe(double value) => _cells.Observe(value);

    public void Observe(TimeSpan elapsed) => _cells.Observe(elapsed.TotalSeconds);

    internal override void WriteSamples(PrometheusTextWriter writer) => _cells.Write(writer, Name, null, null, _boundLabels);
}
