using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Metrics;

/// <summary>JSON-RPC calls, errors and latency by method; pass it to <see cref="Hosting.RpcServer"/>.</summary>
public sealed class RpcMetrics : IRpcMetrics
{
    private readonly LabeledCounter _requests;
    private readonly LabeledCounter _errors;
    private readonly LabeledHistogram _latency;

    public RpcMetrics(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _requests = registry.Counter(MetricNames.RpcRequests, "JSON-RPC calls by method.", "method");
        _errors = registry.Counter(MetricNames.RpcErrors, "JSON-RPC calls answered with an error, by method.", "method");
        _latency = registry.Histogram(MetricNames.RpcRequestSeconds, "JSON-RPC call duration in seconds, by method.", "method", HistogramBuckets.RpcLatency);
    }

    public void OnRequest(string method, TimeSpan elapsed, bool ok)
    {
        _requests.Increment(method);
        if (!ok)
        {
            _errors.Increment(method);
        }

        _latency.Observe(method, elapsed);
    }
}
