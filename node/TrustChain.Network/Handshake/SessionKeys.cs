using System.Security.Cryptography;

namespace TrustChain.Network.Handshake;

/// <summary>The two directional AES-256 keys of a session.</summary>
public sealed class SessionKeys
{
    private static ReadOnlySpan<byte> Info => "trustchain-p2p-v1 frame keys"u8;

    private SessionKeys(byte[] initiatorToResponder, byte[] responderToInitiator)
    {
        InitiatorToResponder = initiatorToResponder;
        ResponderToInitiator = responderToInitiator;
    }

    public byte[] InitiatorToResponder { get; }

    public byte[] ResponderToInitiator { get; }

    /// <summary>HKDF-SHA256(ikm = ECDH x-coordinate, salt = transcript hash, info = label) → 64 bytes, split in two.</summary>
    public static SessionKeys Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> transcriptHash)
    {
        if (sharedSecret.Length != 32)
        {
            throw new ArgumentException("Shared secret must be 32 bytes.", nameof(sharedSecret));
        }

        if (transcriptHash.Length != 32)
        {
            throw new ArgumentException("Transcript hash must be 32 bytes.", nameof(transcriptHash));
        }

        Span<byte> okm = stackalloc byte[64];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, okm, transcriptHash, Info);
        SessionKeys keys = new(okm[..32].ToArray(), okm[32..].ToArray());
        okm.Clear();
        return keys;
    }

    public byte[] SendKey(HandshakeRole role) => role == HandshakeRole.Initiator ? InitiatorToResponder : ResponderToInitiator;

    public byte[] ReceiveKey(HandshakeRole role) => role == HandshakeRole.Initiator ? ResponderToInitiator : InitiatorToResponder;
}
