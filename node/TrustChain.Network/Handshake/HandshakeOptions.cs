using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Handshake;

public sealed class HandshakeOptions
{
    public HandshakeOptions(PrivateKey nodeKey, ulong chainId, Hash256 genesisHash, uint protocolVersion, int maxPayload)
    {
        ArgumentNullException.ThrowIfNull(nodeKey);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPayload);
        NodeKey = nodeKey;
        NodeId = NodeId.FromPrivateKey(nodeKey);
        ChainId = chainId;
        GenesisHash = genesisHash;
        ProtocolVersion = protocolVersion;
        MaxPayload = maxPayload;
    }

    public static HandshakeOptions FromConfig(P2PConfig config) =>
        new(config.NodeKey, config.ChainId, config.GenesisHash, config.ProtocolVersion, config.MaxFrameSize);

    public PrivateKey NodeKey { get; }

    public NodeId NodeId { get; }

    public ulong ChainId { get; }

    public Hash256 GenesisHash { get; }

    public uint ProtocolVersion { get; }

    public int MaxPayload { get; }
}
