namespace TrustChain.Rpc.Metrics;

/// <summary>A value that goes up and down: either set by its owner or read from a callback at scrape time.</summary>
public sealed class Gauge : Metric
{
    private readonly Func<double>? _read;
    private double _value;

    internal Gauge(string name, string help, Func<double>? read) : base(name, help)
    {
        _read = read;
    }

    public override MetricType Type => MetricType.Gauge;

    public double Value => _read is null ? Volatile.Read(ref _value) : _read();

    /// <summary>Sets the value; not allowed on callback gauges.</summary>
    public void Set(double value)
    {
        if (_read is not null)
        {
            throw new InvalidOperationException($"gauge {Name} reads its value from a callback and cannot be set");
        }

        Volatile.Write(ref _value, value);
    }

    internal override void WriteSamples(PrometheusTextWriter writer) => writer.WriteSample(Name, null, null, null, null, Value);
}
