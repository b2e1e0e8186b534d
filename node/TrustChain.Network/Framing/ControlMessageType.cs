namespace TrustChain.Network.Framing;

/// <summary>Message types on <see cref="FrameFormat.ControlChannel"/>.</summary>
public enum ControlMessageType : byte
{
    /// <summary>Handshake: the sender's signature over the transcript (first frame in each direction).</summary>
    Auth = 1,

    /// <summary>Payload: reason (1 byte) ‖ UTF-8 detail.</summary>
    Disconnect = 2,

    /// <summary>Payload: 8 opaque bytes, echoed in the pong.</summary>
    Ping = 3,

    Pong = 4,
}
