using TrustChain.Consensus.Tendermint;
using TrustChain.Network;
using TrustChain.Network.Protocol;

namespace TrustChain.Node.Hosting.Network;

/// <summary>The consensus channel: engine messages to and from every connected peer, peers named by node id hex.</summary>
public sealed class P2PConsensusTransport : IConsensusTransport, IChannelHandler
{
    private readonly P2PHost _host;

    public P2PConsensusTransport(P2PHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    public event Action<string, ReadOnlyMemory<byte>>? MessageReceived;

    public void Broadcast(ReadOnlyMemory<byte> encodedMessage) =>
        _host.Broadcast(ChannelIds.Consensus, ChannelIds.ConsensusMessageType, encodedMessage);

    public void ReportBadPeer(string peerId, string reason) =>
        _host.ReportBad(NodeId.Parse(peerId), reason, MisbehaviourSeverity.Fatal);

    public void OnPeerConnected(PeerInfo peer)
    {
    }

    public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
    {
        if (messageType != ChannelIds.ConsensusMessageType)
        {
            _host.ReportBad(peer.Id, $"unknown consensus message type {messageType}", MisbehaviourSeverity.Major);
            return;
        }

        MessageReceived?.Invoke(peer.Id.ToHexString(), payload);
    }

    public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason)
    {
    }
}
