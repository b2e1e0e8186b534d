namespace TrustChain.Rpc.JsonRpc;

public sealed class NullRpcMetrics : IRpcMetrics
{
    public static readonly NullRpcMetrics Instance = new();

    private NullRpcMetrics()
    {
    }

    public void OnRequest(string method, TimeSpan elapsed, bool ok)
    {
    }
}
