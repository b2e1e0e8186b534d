namespace TrustChain.Rpc.Docs;

/// <summary>The net_ namespace (Modules/Eth/EthRpcModule.Net.cs).</summary>
public static class NetRpcDocs
{
    public static IReadOnlyList<RpcMethodDoc> All { get; } =
    [
        new("net_version", "The network id, which is the chain id.", [], "string: the chain id in decimal (\"7357\" on the dev chain).", "[]"),
        new("net_listening", "Whether the node accepts connections.", [], "true.", "[]"),
        new("net_peerCount", "Connected P2P peers (0 for a standalone dev node).", [], "QUANTITY: the peer count.", "[]"),
    ];
}
