using System.Collections.Concurrent;

namespace TrustChain.Network.Tests;

internal sealed class RecordingHandler : IChannelHandler
{
    public ConcurrentQueue<(NodeId From, byte Type, byte[] Payload)> Messages { get; } = new();

    public ConcurrentQueue<NodeId> Connected { get; } = new();

    public ConcurrentQueue<(NodeId Peer, DisconnectReason Reason)> Disconnected { get; } = new();

    public void OnPeerConnected(PeerInfo peer) => Connected.Enqueue(peer.Id);

    public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload) => Messages.Enqueue((peer.Id, messageType, payload.ToArray()));

    public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason) => Disconnected.Enqueue((peer.Id, reason));
}
