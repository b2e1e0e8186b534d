using System.Buffers.Binary;
using System.Security.Cryptography;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Handshake;

/// <summary>
/// The plaintext opening message each side sends:
/// <c>magic "TRCH" ‖ version u32 ‖ chainId u64 ‖ genesis 32 ‖ static key 64 ‖ ephemeral key 64 ‖ nonce 32</c>
/// (integers big-endian, 208 bytes in all).
/// </summary>
public sealed class HandshakeHello
{
    public const int EncodedLength = 4 + 4 + 8 + Hash256.Length + 64 + 64 + NonceLength;
    public const int NonceLength = 32;

    private static ReadOnlySpan<byte> Magic => "TRCH"u8;

    public HandshakeHello(uint protocolVersion, ulong chainId, Hash256 genesisHash, NodeId staticKey, ReadOnlySpan<byte> ephemeralPublicKey, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(staticKey);
        if (ephemeralPublicKey.Length != Secp256k1.PublicKeyLength)
        {
            throw new ArgumentException($"Ephemeral key must be {Secp256k1.PublicKeyLength} bytes.", nameof(ephemeralPublicKey));
        }

        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"Nonce must be {NonceLength} bytes.", nameof(nonce));
        }

        ProtocolVersion = protocolVersion;
        ChainId = chainId;
        GenesisHash = genesisHash;
        StaticKey = staticKey;
        EphemeralPublicKey = ephemeralPublicKey.ToArray();
        Nonce = nonce.ToArray();
    }

    public uint ProtocolVersion { get; }

    public ulong ChainId { get; }

    public Hash256 GenesisHash { get; }

    public NodeId StaticKey { get; }

    public byte[] EphemeralPublicKey { get; }

    public byte[] Nonce { get; }

    public static HandshakeHello CreateRandom(uint protocolVersion, ulong chainId, Hash256 genesisHash, NodeId staticKey, PrivateKey ephemeral)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        RandomNumberGenerator.Fill(nonce);
        return new HandshakeHello(protocolVersion, chainId, genesisHash, staticKey, ephemeral.PublicKey, nonce);
    }

    public byte[] Encode()
    {
        byte[] bytes = new byte[EncodedLength];
        Span<byte> span = bytes;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], ProtocolVersion);
        BinaryPrimitives.WriteUInt64BigEndian(span[8..], ChainId);
        GenesisHash.CopyTo(span[16..]);
        StaticKey.Bytes.CopyTo(span[48..]);
        EphemeralPublicKey.CopyTo(span[112..]);
        Nonce.CopyTo(span[176..]);
        return bytes;
    }

    /// <exception cref="HandshakeException">Wrong length or magic, or a key that is not a curve point.</exception>
    public static HandshakeHello Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != EncodedLength)
        {
            throw new HandshakeException(DisconnectReason.BadHandshake, $"Hello must be {EncodedLength} bytes, got {bytes.Length}.");
        }

        if (!bytes[..4].SequenceEqual(Magic))
        {
            throw new HandshakeException(DisconnectReason.BadHandshake, "Hello does not start with the TrustChain magic.");
        }

        ReadOnlySpan<byte> staticKey = bytes.Slice(48, 64);
        ReadOnlySpan<byte> ephemeral = bytes.Slice(112, 64);
        if (!Secp256k1.IsValidPublicKey(staticKey))
        {
            throw new HandshakeException(DisconnectReason.BadHandshake, "Hello carries a static key that is not a curve point.");
        }

        if (!Secp256k1.IsValidPublicKey(ephemeral))
        {
            throw new HandshakeException(DisconnectReason.BadHandshake, "Hello carries an ephemeral key that is not a curve point.");
        }

        return new HandshakeHello(
            BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            new Hash256(bytes.Slice(16, Hash256.Length)),
            new NodeId(staticKey),
            ephemeral,
            bytes.Slice(176, NonceLength));
    }
}
