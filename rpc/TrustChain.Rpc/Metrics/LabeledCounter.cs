using System.Collections.Concurrent;

namespace TrustChain.Rpc.Metrics;

/// <summary>Counters under one label (e.g. RPC calls by method); at most <see cref="MaxSeries"/> label values.</summary>
public sealed class LabeledCounter : Metric
{
    public const int MaxSeries = LabeledHistogram.MaxSeries;

    private readonly string _labelName;
    private readonly ConcurrentDictionary<string, StrongBox> _series = new(StringComparer.Ordinal);

    internal LabeledCounter(string name, string help, string labelName) : base(name, help)
    {
        MetricNames.ValidateLabelName(labelName);
        _labelName = labelName;
    }

    public override MetricType Type => MetricType.Counter;

    public void Increment(string labelValue) => Interlocked.Increment(ref Cell(labelValue).Value);

    public void Increment(string labelValue, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Interlocked.Add(ref Cell(labelValue).Value, amount);
    }

    public long ValueOf(string labelValue) => _series.TryGetValue(labelValue, out StrongBox? box) ? Interlocked.Read(ref box.Value) : 0;

    internal override void WriteSamples(PrometheusTextWriter writer)
    {
        foreach (KeyValuePair<string, StrongBox> entry in LabeledSeries.Sorted(_series))
        {
            writer.WriteSample(Name, null, _labelName, entry.Key, null, Interlocked.Read(ref entry.Value.Value));
        }
    }

    private StrongBox Cell(string labelValue)
    {
        ArgumentNullException.ThrowIfNull(labelValue);
        if (_series.TryGetValue(labelValue, out StrongBox? box))
        {
            return box;
        }

        string key = _series.Count >= MaxSeries ? LabeledHistogram.OverflowLabel : labelValue;
        return _series.GetOrAdd(key, _ => new StrongBox());
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
