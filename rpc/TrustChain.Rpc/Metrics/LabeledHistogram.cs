using System.Collections.Concurrent;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// Histograms under one label (e.g. RPC latency by method). Label values beyond <see cref="MaxSeries"/> share the
/// series "_other" so a caller cannot grow the scrape without bound.
/// </summary>
public sealed class LabeledHistogram : Metric
{
    public const int MaxSeries = 1024;
    public const string OverflowLabel = "_other";

    private readonly string _labelName;
    private readonly double[] _bounds;
    private readonly string[] _boundLabels;
    private readonly ConcurrentDictionary<string, HistogramCells> _series = new(StringComparer.Ordinal);

    internal LabeledHistogram(string name, string help, string labelName, IReadOnlyList<double> bounds) : base(name, help)
    {
        MetricNames.ValidateLabelName(labelName);
        _labelName = labelName;
        _bounds = HistogramBuckets.Validate(bounds);
        _boundLabels = HistogramBuckets.Labels(_bounds);
    }

    public override MetricType Type => MetricType.Histogram;

    public void Observe(string labelValue, double value) => Cells(labelValue).Observe(value);

    public void Observe(string labelValue, TimeSpan elapsed) => Cells(labelValue).Observe(elapsed.TotalSeconds);

    public long CountOf(string labelValue) => _series.TryGetValue(labelValue, out HistogramCells? cells) ? cells.Count : 0;

    internal override void WriteSamples(PrometheusTextWriter writer)
    {
        foreach (KeyValuePair<string, HistogramCells> entry in LabeledSeries.Sorted(_series))
        {
            entry.Value.Write(writer, Name, _labelName, entry.Key, _boundLabels);
        }
    }

    private HistogramCells Cells(string labelValue)
    {
        ArgumentNullException.ThrowIfNull(labelValue);
        if (_series.TryGetValue(labelValue, out HistogramCells? cells))
        {
            return cells;
        }

        string key = _series.Count >= MaxSeries ? OverflowLabel : labelValue;
        return _series.GetOrAdd(key, _ => new HistogramCells(_bounds));
    }
}
