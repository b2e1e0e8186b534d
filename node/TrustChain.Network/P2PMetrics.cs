namespace TrustChain.Network;

/// <summary>Live counters of one host; all reads are atomic snapshots of single values.</summary>
public sealed class P2PMetrics
{
    private readonly long[] _messagesReceived = new long[256];
    private readonly long[] _messagesSent = new long[256];
    private long _bytesReceived;
    private long _bytesSent;
    private long _handshakesFailed;
    private long _peersBanned;
    private long _peersDropped;
    private long _connectionsRejected;
    private int _inboundPeers;
    private int _outboundPeers;

    public int InboundPeers => Volatile.Read(ref _inboundPeers);

    public int OutboundPeers => Volatile.Read(ref _outboundPeers);

    public int Peers => InboundPeers + OutboundPeers;

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long HandshakesFailed => Interlocked.Read(ref _handshakesFailed);

    public long PeersBanned => Interlocked.Read(ref _peersBanned);

    /// <summary>Peers dropped for being too slow to drain their send queue.</summary>
    public long PeersDropped => Interlocked.Read(ref _peersDropped);

    /// <summary>Connections refused after the handshake or before it (banned address, limits, duplicates).</summary>
    public long ConnectionsRejected => Interlocked.Read(ref _connectionsRejected);

    public long MessagesReceived(byte channel) => Interlocked.Read(ref _messagesReceived[channel]);

    public long MessagesSent(byte channel) => Interlocked.Read(ref _messagesSent[channel]);

    internal void FrameReceived(byte channel, int wireLength)
    {
        Interlocked.Increment(ref _messagesReceived[channel]);
        Interlocked.Add(ref _bytesReceived, wireLength);
    }

    internal void FrameSent(byte channel, int wireLength)
    {
        Interlocked.Increment(ref _messagesSent[channel]);
        Interlocked.Add(ref _bytesSent, wireLength);
    }

    internal void HandshakeFailed() => Interlocked.Increment(ref _handshakesFailed);

    internal void PeerBanned() => Interlocked.Increment(ref _peersBanned);

    internal void PeerDropped() => Interlocked.Increment(ref _peersDropped);

    internal void ConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);

    internal void PeerAdded(PeerDirection direction, int delta)
    {
        if (direction == PeerDirection.Inbound)
        {
            Interlocked.Add(ref _inboundPeers, delta);
        }
        else
        {
            Interlocked.Add(ref _outboundPeers, delta);
        }
    }
}
