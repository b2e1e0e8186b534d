using System.Numerics;
using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Hashing;

namespace TrustChain.Zk.Semaphore;

/// <summary>
/// EdDSA over Baby Jubjub with Poseidon, byte-for-byte as @zk-kit/eddsa-poseidon 1.x: keys are hashed with
/// BLAKE-512 (the SHA-3 finalist), the secret scalar is the pruned first half shifted right by 3, and the
/// signature challenge is Poseidon(R8x, R8y, Ax, Ay, message).
/// </summary>
public static class EdDsaPoseidon
{
    private static readonly BigInteger MessageLimit = BigInteger.One << 256;

    /// <summary>zk-kit deriveSecretScalar: (LE(prune(BLAKE-512(key)[0..32])) &gt;&gt; 3) mod l.</summary>
    public static BigInteger DeriveSecretScalar(ReadOnlySpan<byte> privateKey)
    {
        Span<byte> digest = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(privateKey, digest);
        return (PrunedScalar(digest) >> 3) % BabyJubJubPoint.SubOrder;
    }

    public static BabyJubJubPoint DerivePublicKey(ReadOnlySpan<byte> privateKey) =>
        BabyJubJubPoint.Base8.Multiply(DeriveSecretScalar(privateKey));

    /// <summary>zk-kit signMessage for a message given as an integer in [0, 2^256).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The message is negative or needs more than 32 bytes.</exception>
    public static EdDsaPoseidonSignature Sign(ReadOnlySpan<byte> privateKey, BigInteger message)
    {
        RequireMessage(message);
        Span<byte> digest = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(privateKey, digest);
        BigInteger s = PrunedScalar(digest);
        BabyJubJubPoint publicKey = BabyJubJubPoint.Base8.Multiply(s >> 3);

        Span<byte> nonceInput = stackalloc byte[64];
        digest[32..].CopyTo(nonceInput);
        message.TryWriteBytes(nonceInput[32..], out _, isUnsigned: true, isBigEndian: false);
        Span<byte> nonceDigest = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(nonceInput, nonceDigest);
        BigInteger r = new BigInteger(nonceDigest, isUnsigned: true, isBigEndian: false) % BabyJubJubPoint.SubOrder;

        BabyJubJubPoint r8 = BabyJubJubPoint.Base8.Multiply(r);
        BigInteger hm = Challenge(r8, publicKey, message);
        BigInteger sValue = (r + hm * s) % BabyJubJubPoint.SubOrder;
        return new EdDsaPoseidonSignature(r8, sValue);
    }

    /// <summary>zk-kit verifySignature; malformed signatures and keys give false rather than an exception.</summary>
    public static bool Verify(BigInteger message, EdDsaPoseidonSignature signature, BabyJubJubPoint publicKey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (message.Sign < 0 || message >= MessageLimit || !signature.R8.InCurve() || !publicKey.InCurve()
            || signature.S >= BabyJubJubPoint.SubOrder)
        {
            return false;
        }

        BigInteger hm = Challenge(signature.R8, publicKey, message);
        BabyJubJubPoint left = BabyJubJubPoint.Base8.Multiply(signature.S);
        BabyJubJubPoint right = signature.R8.Add(publicKey.Multiply(hm * 8));
        return left == right;
    }

    /// <summary>
    /// zk-kit's checkMessage for strings: text that JavaScript's BigInt accepts is that integer, anything else
    /// is its UTF-8 bytes read big-endian.
    /// </summary>
    public static BigInteger MessageFromString(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (JsBigIntText.TryParse(message, out BigInteger value))
        {
            return value;
        }

        return new BigInteger(System.Text.Encoding.UTF8.GetBytes(message), isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Challenge(in BabyJubJubPoint r8, in BabyJubJubPoint publicKey, BigInteger message)
    {
        // poseidon-lite reduces its inputs modulo r, so a message above r enters the hash reduced.
        Span<Fr> inputs = [r8.X, r8.Y, publicKey.X, publicKey.Y, Fr.FromBigInteger(message)];
        return Poseidon.Poseidon.Hash(inputs).ToBigInteger();
    }

    private static BigInteger PrunedScalar(ReadOnlySpan<byte> digest)
    {
        Span<byte> scalar = stackalloc byte[32];
        digest[..32].CopyTo(scalar);
        scalar[0] &= 0xF8;
        scalar[31] &= 0x7F;
        scalar[31] |= 0x40;
        return new BigInteger(scalar, isUnsigned: true, isBigEndian: false);
    }

    private static void RequireMessage(BigInteger message)
    {
        if (message.Sign < 0 || message >= MessageLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(message), message, "The message must be an integer in [0, 2^256).");
        }
    }
}
