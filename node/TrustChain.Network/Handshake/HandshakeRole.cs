namespace TrustChain.Network.Handshake;

public enum HandshakeRole : byte
{
    /// <summary>The side that dialled.</summary>
    Initiator = 0,

    /// <summary>The side that accepted.</summary>
    Responder = 1,
}
