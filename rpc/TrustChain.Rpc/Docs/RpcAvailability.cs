namespace TrustChain.Rpc.Docs;

/// <summary>Where a documented method is served.</summary>
public enum RpcAvailability
{
    /// <summary>Every node, over HTTP and WebSocket.</summary>
    EveryNode,

    /// <summary>Every node, over WebSocket only (subscriptions need a connection to push on).</summary>
    WebSocketOnly,

    /// <summary>Only nodes started as prover nodes (<c>--prover</c>).</summary>
    ProverNode,
}
