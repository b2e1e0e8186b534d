namespace TrustChain.Rpc.JsonRpc;

/// <summary>A registered method: its name (e.g. "eth_blockNumber") and handler.</summary>
public sealed class RpcMethod
{
    public RpcMethod(string name, RpcHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        Name = name;
        Handler = handler;
    }

    public string Name { get; }

    public RpcHandler Handler { get; }
}
