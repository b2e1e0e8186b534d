using System.Security.Cryptography;

namespace TrustChain.Network.Handshake;

public static class HandshakeTranscript
{
    private static ReadOnlySpan<byte> Domain => "trustchain-p2p-v1 transcript"u8;

    /// <summary>SHA-256(domain ‖ initiator hello ‖ responder hello): binds keys and signatures to both hellos.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> initiatorHello, ReadOnlySpan<byte> responderHello)
    {
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        hash.AppendData(initiatorHello);
        hash.AppendData(responderHello);
        return hash.GetHashAndReset();
    }
}
