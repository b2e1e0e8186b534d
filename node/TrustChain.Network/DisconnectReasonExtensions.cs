namespace TrustChain.Network;

public static class DisconnectReasonExtensions
{
    /// <summary>
    /// Reasons that prove the remote is broken or hostile (it cannot happen to an honest peer on a working link),
    /// so the host bans it. Configuration mismatches and resource limits are not bannable.
    /// </summary>
    public static bool IsBannable(this DisconnectReason reason) => reason switch
    {
        DisconnectReason.BadHandshake => true,
        DisconnectReason.InvalidAuthSignature => true,
        DisconnectReason.FrameTooLarge => true,
        DisconnectReason.MalformedFrame => true,
        DisconnectReason.DecryptionFailed => true,
        DisconnectReason.Misbehaviour => true,
        _ => false,
    };

    /// <summary>Maps an unknown byte received from a peer to a defined value.</summary>
    public static DisconnectReason FromWire(byte value) =>
        Enum.IsDefined((DisconnectReason)value) ? (DisconnectReason)value : DisconnectReason.Requested;
}
