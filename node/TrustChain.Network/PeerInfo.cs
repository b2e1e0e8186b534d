using System.Net;

namespace TrustChain.Network;

/// <summary>An authenticated, connected peer as the channel handlers see it.</summary>
public sealed class PeerInfo
{
    public PeerInfo(NodeId id, IPEndPoint remoteEndPoint, PeerDirection direction, bool isPersistent, DateTimeOffset connectedAt)
    {
        Id = id;
        RemoteEndPoint = remoteEndPoint;
        Direction = direction;
        IsPersistent = isPersistent;
        ConnectedAt = connectedAt;
    }

    public NodeId Id { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public PeerDirection Direction { get; }

    public bool IsPersistent { get; }

    public DateTimeOffset ConnectedAt { get; }

    public override string ToString() => $"{Id}@{RemoteEndPoint} ({Direction})";
}
