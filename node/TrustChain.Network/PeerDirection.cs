namespace TrustChain.Network;

public enum PeerDirection
{
    Inbound,
    Outbound,
}
