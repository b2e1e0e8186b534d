namespace TrustChain.Network.Framing;

/// <summary>A decrypted frame. <see cref="Payload"/> is owned by the receiver and may be kept.</summary>
public readonly struct Frame
{
    public Frame(byte channel, byte messageType, ReadOnlyMemory<byte> payload, int wireLength)
    {
        Channel = channel;
        MessageType = messageType;
        Payload = payload;
        WireLength = wireLength;
    }

    public byte Channel { get; }

    public byte MessageType { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public int WireLength { get; }

    public bool IsControl(ControlMessageType type) => Channel == FrameFormat.ControlChannel && MessageType == (byte)type;
}
