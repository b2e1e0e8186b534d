namespace TrustChain.Rpc.JsonRpc;

/// <summary>A group of methods (eth_, net_, trust_, ...) that registers itself with the registry.</summary>
public interface IRpcModule
{
    void Register(RpcMethodRegistry registry);
}
