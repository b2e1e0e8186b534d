using System.Security.Cryptography;

namespace TrustChain.Core.Crypto;

/// <summary>A secp256k1 private key (1 ≤ k &lt; n). ToString deliberately does not reveal the key.</summary>
public sealed class PrivateKey
{
    private readonly byte[] _key;
    private byte[]? _publicKey;
    private Address? _address;

    public PrivateKey(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != Secp256k1.PrivateKeyLength)
        {
            throw new ArgumentException($"Private key must be 32 bytes, got {key32.Length}.", nameof(key32));
        }

        if (!Secp256k1.IsValidPrivateKey(key32))
        {
            throw new ArgumentException("Private key is out of range (must be 1 ≤ k < n).", nameof(key32));
        }

        _key = key32.ToArray();
    }

    public PrivateKey(string hex) : this(Hex.FromHexString(hex))
    {
    }

    public static PrivateKey Generate()
    {
        Span<byte> candidate = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(candidate);
            if (Secp256k1.IsValidPrivateKey(candidate))
            {
                PrivateKey key = new(candidate);
                candidate.Clear();
                return key;
            }
        }
    }

    public ReadOnlySpan<byte> KeyBytes => _key;

    /// <summary>64-byte uncompressed public key (X||Y).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey ??= ComputePublicKey();

    public Address Address => _address ??= Address.FromPublicKey(PublicKey);

    public byte[] ToArray() => (byte[])_key.Clone();

    public EcdsaSignature Sign(in Hash256 message) => Ecdsa.Sign(message, _key);

    public override string ToString() => $"PrivateKey({Address})";

    private byte[] ComputePublicKey()
    {
        byte[] pub = new byte[Secp256k1.PublicKeyLength];
        if (!Secp256k1.TryGetPublicKey(_key, pub))
        {
            throw new InvalidOperationException("Failed to derive the public key from a validated private key.");
        }

        return pub;
    }
}
