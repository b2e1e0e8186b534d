namespace TrustChain.Network;

/// <summary>
/// Receives one channel's traffic. Calls for one peer come in order from that peer's read loop; calls for different
/// peers come concurrently, so implementations must be thread-safe and must not block (hand heavy work off).
/// A handler that gets a bad message calls <see cref="P2PHost.ReportBad"/>. Exceptions are logged and swallowed.
/// </summary>
public interface IChannelHandler
{
    void OnPeerConnected(PeerInfo peer);

    /// <param name="payload">Owned by the handler; it may be kept after the call returns.</param>
    void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload);

    void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason);
}
