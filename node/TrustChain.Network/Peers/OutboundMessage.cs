namespace TrustChain.Network.Peers;

internal readonly struct OutboundMessage
{
    public OutboundMessage(byte channel, byte messageType, ReadOnlyMemory<byte> payload, bool isFinal = false)
    {
        Channel = channel;
        MessageType = messageType;
        Payload = payload;
        IsFinal = isFinal;
    }

    public byte Channel { get; }

    public byte MessageType { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The last frame of the session (a Disconnect); the writer flushes it and stops.</summary>
    public bool IsFinal { get; }
}
