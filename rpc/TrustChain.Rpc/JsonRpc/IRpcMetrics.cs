namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Per-method counters and latency. Called once per executed call of a registered method (unknown names are
/// not reported, so clients cannot blow up the metric cardinality). Must be thread-safe and cheap.
/// </summary>
public interface IRpcMetrics
{
    void OnRequest(string method, TimeSpan elapsed, bool ok);
}
