namespace TrustChain.Rpc.Metrics;

/// <summary>A named metric family that can write its samples in the Prometheus text format.</summary>
public abstract class Metric
{
    protected Metric(string name, string help)
    {
        MetricNames.ValidateMetricName(name);
        ArgumentNullException.ThrowIfNull(help);
        Name = name;
        Help = help;
    }

    public string Name { get; }

    public string Help { get; }

    public abstract MetricType Type { get; }

    /// <summary>Writes the sample lines (the registry writes HELP and TYPE).</summary>
    internal abstract void WriteSamples(PrometheusTextWriter writer);
}
