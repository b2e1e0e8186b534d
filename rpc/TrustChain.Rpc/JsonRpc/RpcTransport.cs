namespace TrustChain.Rpc.JsonRpc;

public enum RpcTransport
{
    Http,
    WebSocket,
    /// <summary>In-process calls, e.g. from tests or the node itself.</summary>
    InProcess,
}
