namespace TrustChain.Core.Crypto;

/// <summary>
/// secp256k1 operations over libsecp256k1. Public keys are 64 bytes (uncompressed X||Y, no 0x04 prefix);
/// signatures are compact 64 bytes (R||S). Every method returns false for invalid input instead of throwing,
/// except for wrong buffer sizes, which are caller bugs and throw <see cref="ArgumentException"/>.
/// </summary>
public static unsafe class Secp256k1
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 64;
    public const int CompressedPublicKeyLength = 33;
    public const int SignatureLength = 64;

    private const int InternalPubkeySize = 64;
    private const int InternalSignatureSize = 65;

    /// <summary>Deterministic (RFC 6979) recoverable ECDSA signature; libsecp256k1 always yields low-s.</summary>
    public static bool TrySign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32, Span<byte> signature64, out int recoveryId)
    {
        CheckLength(hash32, 32, nameof(hash32));
        CheckLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        CheckMinLength(signature64, SignatureLength, nameof(signature64));
        Secp256k1Native.EnsureLoaded();
        recoveryId = -1;
        byte* sig = stackalloc byte[InternalSignatureSize];
        int recId;
        fixed (byte* msg = hash32)
        fixed (byte* key = privateKey32)
        fixed (byte* output = signature64)
        {
            if (Secp256k1Native.SignRecoverable(Secp256k1Native.Context, sig, msg, key, IntPtr.Zero, IntPtr.Zero) != 1)
            {
                return false;
            }

            if (Secp256k1Native.RecoverableSerializeCompact(Secp256k1Native.Context, output, &recId, sig) != 1)
            {
                return false;
            }
        }

        recoveryId = recId;
        return true;
    }

    /// <summary>Recovers the signer's 64-byte public key. Accepts high-s (as ecrecover does); r and s must be in [1, n-1].</summary>
    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64, int recoveryId, Span<byte> publicKey64)
    {
        CheckLength(hash32, 32, nameof(hash32));
        CheckLength(signature64, SignatureLength, nameof(signature64));
        CheckMinLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        Secp256k1Native.EnsureLoaded();
        if (recoveryId is < 0 or > 3)
        {
            return false;
        }

        byte* sig = stackalloc byte[InternalSignatureSize];
        byte* pub = stackalloc byte[InternalPubkeySize];
        fixed (byte* input = signature64)
        fixed (byte* msg = hash32)
        {
            if (Secp256k1Native.RecoverableParseCompact(Secp256k1Native.Context, sig, input, recoveryId) != 1)
            {
                return false;
            }

            if (Secp256k1Native.Recover(Secp256k1Native.Context, pub, sig, msg) != 1)
            {
                return false;
            }
        }

        return SerializeUncompressed(pub, publicKey64);
    }

    /// <summary>Verifies a compact signature. Like libsecp256k1, rejects high-s signatures.</summary>
    public static bool Verify(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> publicKey64)
    {
        CheckLength(hash32, 32, nameof(hash32));
        CheckLength(signature64, SignatureLength, nameof(signature64));
        CheckLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        byte* sig = stackalloc byte[64];
        if (!ParseUncompressed(publicKey64, pub))
        {
            return false;
        }

        fixed (byte* input = signature64)
        fixed (byte* msg = hash32)
        {
            if (Secp256k1Native.SignatureParseCompact(Secp256k1Native.Context, sig, input) != 1)
            {
                return false;
            }

            return Secp256k1Native.Verify(Secp256k1Native.Context, sig, msg, pub) == 1;
        }
    }

    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != PrivateKeyLength)
        {
            return false;
        }

        Secp256k1Native.EnsureLoaded();
        fixed (byte* key = privateKey32)
        {
            return Secp256k1Native.SeckeyVerify(Secp256k1Native.Context, key) == 1;
        }
    }

    public static bool TryGetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        CheckLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        CheckMinLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        fixed (byte* key = privateKey32)
        {
            if (Secp256k1Native.PubkeyCreate(Secp256k1Native.Context, pub, key) != 1)
            {
                return false;
            }
        }

        return SerializeUncompressed(pub, publicKey64);
    }

    /// <summary>ECDH shared secret = the 32-byte X coordinate of priv·Pub (not hashed; the library default would SHA-256 it).</summary>
    public static bool TryEcdh(ReadOnlySpan<byte> publicKey64, ReadOnlySpan<byte> privateKey32, Span<byte> secret32)
    {
        CheckLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        CheckLength(privateKey32, PrivateKeyLength, nameof(privateKey32));
        CheckMinLength(secret32, 32, nameof(secret32));
        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        if (!ParseUncompressed(publicKey64, pub))
        {
            return false;
        }

        fixed (byte* key = privateKey32)
        fixed (byte* output = secret32)
        {
            delegate* unmanaged[Cdecl]<byte*, byte*, byte*, IntPtr, int> copyX = &Secp256k1Native.EcdhCopyX;
            return Secp256k1Native.Ecdh(Secp256k1Native.Context, output, pub, key, (IntPtr)copyX, IntPtr.Zero) == 1;
        }
    }

    /// <summary>Parses a 33-byte compressed or 65-byte (0x04-prefixed) key into the 64-byte form.</summary>
    public static bool TryParsePublicKey(ReadOnlySpan<byte> serialized, Span<byte> publicKey64)
    {
        CheckMinLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        if (serialized.Length != CompressedPublicKeyLength && serialized.Length != PublicKeyLength + 1)
        {
            return false;
        }

        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        fixed (byte* input = serialized)
        {
            if (Secp256k1Native.PubkeyParse(Secp256k1Native.Context, pub, input, (nuint)serialized.Length) != 1)
            {
                return false;
            }
        }

        return SerializeUncompressed(pub, publicKey64);
    }

    public static bool TryCompressPublicKey(ReadOnlySpan<byte> publicKey64, Span<byte> compressed33)
    {
        CheckLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        CheckMinLength(compressed33, CompressedPublicKeyLength, nameof(compressed33));
        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        if (!ParseUncompressed(publicKey64, pub))
        {
            return false;
        }

        nuint length = CompressedPublicKeyLength;
        fixed (byte* output = compressed33)
        {
            return Secp256k1Native.PubkeySerialize(Secp256k1Native.Context, output, &length, pub, Secp256k1Native.EcCompressed) == 1;
        }
    }

    /// <summary>Point multiplication: result = scalar·P. Fails if the scalar is zero or ≥ n, or P is invalid.</summary>
    public static bool TryMultiply(ReadOnlySpan<byte> publicKey64, ReadOnlySpan<byte> scalar32, Span<byte> result64)
    {
        CheckLength(publicKey64, PublicKeyLength, nameof(publicKey64));
        CheckLength(scalar32, 32, nameof(scalar32));
        CheckMinLength(result64, PublicKeyLength, nameof(result64));
        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        if (!ParseUncompressed(publicKey64, pub))
        {
            return false;
        }

        fixed (byte* tweak = scalar32)
        {
            if (Secp256k1Native.PubkeyTweakMul(Secp256k1Native.Context, pub, tweak) != 1)
            {
                return false;
            }
        }

        return SerializeUncompressed(pub, result64);
    }

    /// <summary>Point addition: result = A + B. Fails if either point is invalid or the sum is the point at infinity.</summary>
    public static bool TryAdd(ReadOnlySpan<byte> publicKeyA64, ReadOnlySpan<byte> publicKeyB64, Span<byte> result64)
    {
        CheckLength(publicKeyA64, PublicKeyLength, nameof(publicKeyA64));
        CheckLength(publicKeyB64, PublicKeyLength, nameof(publicKeyB64));
        CheckMinLength(result64, PublicKeyLength, nameof(result64));
        Secp256k1Native.EnsureLoaded();
        byte* a = stackalloc byte[InternalPubkeySize];
        byte* b = stackalloc byte[InternalPubkeySize];
        byte* sum = stackalloc byte[InternalPubkeySize];
        if (!ParseUncompressed(publicKeyA64, a) || !ParseUncompressed(publicKeyB64, b))
        {
            return false;
        }

        byte** inputs = stackalloc byte*[2];
        inputs[0] = a;
        inputs[1] = b;
        if (Secp256k1Native.PubkeyCombine(Secp256k1Native.Context, sum, inputs, 2) != 1)
        {
            return false;
        }

        return SerializeUncompressed(sum, result64);
    }

    /// <summary>True if the 64 bytes are a valid point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != PublicKeyLength)
        {
            return false;
        }

        Secp256k1Native.EnsureLoaded();
        byte* pub = stackalloc byte[InternalPubkeySize];
        return ParseUncompressed(publicKey64, pub);
    }

    private static bool ParseUncompressed(ReadOnlySpan<byte> publicKey64, byte* pub)
    {
        Span<byte> prefixed = stackalloc byte[PublicKeyLength + 1];
        prefixed[0] = 0x04;
        publicKey64.CopyTo(prefixed[1..]);
        fixed (byte* input = prefixed)
        {
            return Secp256k1Native.PubkeyParse(Secp256k1Native.Context, pub, input, PublicKeyLength + 1) == 1;
        }
    }

    private static bool SerializeUncompressed(byte* pub, Span<byte> publicKey64)
    {
        byte* output = stackalloc byte[PublicKeyLength + 1];
        nuint length = PublicKeyLength + 1;
        if (Secp256k1Native.PubkeySerialize(Secp256k1Native.Context, output, &length, pub, Secp256k1Native.EcUncompressed) != 1
            || length != PublicKeyLength + 1)
        {
            return false;
        }

        new ReadOnlySpan<byte>(output + 1, PublicKeyLength).CopyTo(publicKey64);
        return true;
    }

    private static void CheckLength(ReadOnlySpan<byte> span, int length, string name)
    {
        if (span.Length != length)
        {
            throw new ArgumentException($"{name} must be {length} bytes, got {span.Length}.", name);
        }
    }

    private static void CheckMinLength(Span<byte> span, int length, string name)
    {
        if (span.Length < length)
        {
            throw new ArgumentException($"{name} must hold at least {length} bytes, got {span.Length}.", name);
        }
    }
}
