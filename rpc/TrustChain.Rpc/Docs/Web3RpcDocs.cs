namespace TrustChain.Rpc.Docs;

/// <summary>The web3_ namespace (Modules/Eth/EthRpcModule.Net.cs).</summary>
public static class Web3RpcDocs
{
    public static IReadOnlyList<RpcMethodDoc> All { get; } =
    [
        new("web3_clientVersion", "The node software and version.", [], "string, e.g. \"TrustChain/v0.1.0/linux-x64/dotnet10\".", "[]"),
        new("web3_sha3", "Keccak-256 (Ethereum's, not the standardised SHA3-256) of the given bytes.", [new("data", "DATA", "the bytes to hash")],
            "DATA, 32 bytes: the hash.", "[\"0x68656c6c6f20776f726c64\"]"),
    ];
}
