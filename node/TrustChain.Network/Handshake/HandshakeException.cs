namespace TrustChain.Network.Handshake;

/// <summary>A handshake was refused, by this side or (when <see cref="IsRemote"/>) by the peer.</summary>
public sealed class HandshakeException : Exception
{
    public HandshakeException(DisconnectReason reason, string message, bool isRemote = false, NodeId? remoteNodeId = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        IsRemote = isRemote;
        RemoteNodeId = remoteNodeId;
    }

    public DisconnectReason Reason { get; }

    /// <summary>True when the peer sent the refusal; false when this side refused.</summary>
    public bool IsRemote { get; }

    /// <summary>The key the peer claimed in its hello, if it got that far (not authenticated unless the handshake completed).</summary>
    public NodeId? RemoteNodeId { get; }
}
