using System.Security.Cryptography;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Handshake;

/// <summary>
/// The authentication step: each side signs SHA-256(domain ‖ role ‖ transcript) with its static node key. The role
/// byte stops a peer from reflecting our own signature back at us; the transcript binds it to this session's
/// ephemeral keys and nonces, so it cannot be replayed into another session.
/// </summary>
public static class HandshakeAuth
{
    public const int SignatureLength = Secp256k1.SignatureLength;

    private static ReadOnlySpan<byte> Domain => "trustchain-p2p-v1 auth"u8;

    public static byte[] Sign(PrivateKey staticKey, HandshakeRole signerRole, ReadOnlySpan<byte> transcriptHash)
    {
        ArgumentNullException.ThrowIfNull(staticKey);
        Span<byte> digest = stackalloc byte[32];
        Digest(signerRole, transcriptHash, digest);
        byte[] signature = new byte[SignatureLength];
        if (!Secp256k1.TrySign(digest, staticKey.KeyBytes, signature, out _))
        {
            throw new CryptographicException("Signing the handshake transcript failed.");
        }

        return signature;
    }

    public static bool Verify(NodeId signer, HandshakeRole signerRole, ReadOnlySpan<byte> transcriptHash, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[32];
        Digest(signerRole, transcriptHash, digest);
        return Secp256k1.Verify(digest, signature, signer.Bytes);
    }

    private static void Digest(HandshakeRole role, ReadOnlySpan<byte> transcriptHash, Span<byte> digest)
    {
        if (transcriptHash.Length != 32)
        {
            throw new ArgumentException("Transcript hash must be 32 bytes.", nameof(transcriptHash));
        }

        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        hash.AppendData([(byte)role]);
        hash.AppendData(transcriptHash);
        hash.GetHashAndReset(digest);
    }
}
