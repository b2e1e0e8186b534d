namespace TrustChain.Network;

/// <summary>Why a connection ended; sent on the wire as one byte in the Disconnect control message.</summary>
public enum DisconnectReason : byte
{
    None = 0,
    Requested = 1,
    Shutdown = 2,
    ProtocolVersionMismatch = 3,
    ChainIdMismatch = 4,
    GenesisMismatch = 5,
    BadHandshake = 6,
    InvalidAuthSignature = 7,
    HandshakeTimeout = 8,
    SelfConnection = 9,
    UnexpectedIdentity = 10,
    DuplicateConnection = 11,
    TooManyPeers = 12,
    Banned = 13,
    NotAllowed = 14,
    PingTimeout = 15,
    FrameTooLarge = 16,
    MalformedFrame = 17,
    DecryptionFailed = 18,
    SendQueueFull = 19,
    Misbehaviour = 20,
    NonceExhausted = 21,
    ConnectionClosed = 22,
}
