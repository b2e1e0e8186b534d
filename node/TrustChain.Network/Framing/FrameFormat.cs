namespace TrustChain.Network.Framing;

/// <summary>
/// Wire layout of an encrypted frame:
/// <c>length (u32 big-endian) ‖ AES-256-GCM(channel ‖ messageType ‖ payload) ‖ tag (16)</c>,
/// where <c>length</c> counts the ciphertext and the tag and is the associated data, so a changed length fails
/// authentication.
/// </summary>
public static class FrameFormat
{
    public const int LengthPrefixSize = 4;
    public const int TagSize = 16;
    public const int HeaderSize = 2;
    public const int NonceSize = 12;

    /// <summary>Bytes a frame adds on top of its payload.</summary>
    public const int Overhead = LengthPrefixSize + HeaderSize + TagSize;

    /// <summary>Channel 0 carries the transport's own control messages (auth, ping, pong, disconnect).</summary>
    public const byte ControlChannel = 0;

    /// <summary>Largest frame body (ciphertext + tag) allowed for a given payload cap.</summary>
    public static int MaxBodyLength(int maxPayload) => HeaderSize + maxPayload + TagSize;

    public static int WireLength(int payloadLength) => Overhead + payloadLength;
}
