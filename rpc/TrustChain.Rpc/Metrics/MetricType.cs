namespace TrustChain.Rpc.Metrics;

/// <summary>Prometheus metric types as written in the "# TYPE" line.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
