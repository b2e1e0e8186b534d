namespace TrustChain.Rpc.Metrics;

/// <summary>Gauges under one label (e.g. RocksDB bytes per column family), all read from one callback at scrape time.</summary>
public sealed class LabeledGauge : Metric
{
    private readonly string _labelName;
    private readonly Func<IReadOnlyList<KeyValuePair<string, double>>> _read;

    internal LabeledGauge(string name, string help, string labelName, Func<IReadOnlyList<KeyValuePair<string, double>>> read) : base(name, help)
    {
        MetricNames.ValidateLabelName(labelName);
        ArgumentNullException.ThrowIfNull(read);
        _labelName = labelName;
        _read = read;
    }

    public override MetricType Type => MetricType.Gauge;

    internal override void WriteSamples(PrometheusTextWriter writer)
    {
        IReadOnlyList<KeyValuePair<string, double>> values = _read();
        for (int i = 0; i < values.Count; i++)
        {
            writer.WriteSample(Name, null, _labelName, values[i].Key, null, values[i].Value);
        }
    }
}
