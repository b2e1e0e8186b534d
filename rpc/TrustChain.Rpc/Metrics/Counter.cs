namespace TrustChain.Rpc.Metrics;

/// <summary>A monotonically increasing count (e.g. proofs verified). Thread-safe, lock-free.</summary>
public sealed class Counter : Metric
{
    private long _value;

    internal Counter(string name, string help) : base(name, help)
    {
    }

    public override MetricType Type => MetricType.Counter;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Increment(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Interlocked.Add(ref _value, amount);
    }

    internal override void WriteSamples(PrometheusTextWriter writer) => writer.WriteSample(Name, null, null, null, null, Value);
}
