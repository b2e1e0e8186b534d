namespace TrustChain.Network.Framing;

/// <summary>A frame violated the protocol; <see cref="Reason"/> says how (and whether it is bannable).</summary>
public sealed class FrameException : Exception
{
    public FrameException(DisconnectReason reason, string message) : base(message)
    {
        Reason = reason;
    }

    public FrameException(DisconnectReason reason, string message, Exception inner) : base(message, inner)
    {
        Reason = reason;
    }

    public DisconnectReason Reason { get; }
}
