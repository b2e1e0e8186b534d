using System.Globalization;
using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Setup;

/// <summary>
/// ffjavascript's <c>fromRng</c> samplers for BN254 (field elements drawn as raw Montgomery words, points by
/// try-and-increment on x with the y sign from the stream, G2 cleared by the cofactor) and snarkjs's hashToG2.
/// </summary>
public static class FfjsRandom
{
    private static readonly BigInteger FqHalf = (Fq.Modulus - 1) / 2;

    private static readonly BigInteger G2Cofactor = BigInteger.Parse(
        "030644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>snarkjs keypair.hashToG2: a ChaCha stream seeded by the hash's first 32 bytes, then G2.fromRng.</summary>
    public static G2Affine HashToG2(ReadOnlySpan<byte> hash) => G2FromRng(FfjsChaCha.FromHash(hash));

    public static Fq FqFromRng(FfjsChaCha rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Span<ulong> v = stackalloc ulong[4];
        while (true)
        {
            DrawMasked(rng, v);
            if (Less(v, Fq.Modulus))
            {
                return Fq.FromMontgomeryLimbs(v[0], v[1], v[2], v[3]);
            }
        }
    }

    public static Fr FrFromRng(FfjsChaCha rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Span<ulong> v = stackalloc ulong[4];
        while (true)
        {
            DrawMasked(rng, v);
            if (Less(v, Fr.Modulus))
            {
                return Fr.FromMontgomeryLimbs(v[0], v[1], v[2], v[3]);
            }
        }
    }

    public static G1Affine G1FromRng(FfjsChaCha rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Fq b = Fq.FromUInt64(3);
        while (true)
        {
            Fq x = FqFromRng(rng);
            bool greatest = rng.NextBool();
            if ((x.Square() * x + b).TrySqrt(out Fq y))
            {
                return new G1Affine(x, IsNegative(y) == greatest ? y : -y);
            }
        }
    }

    public static G2Affine G2FromRng(FfjsChaCha rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        while (true)
        {
            Fq2 x = new(FqFromRng(rng), FqFromRng(rng));
            bool greatest = rng.NextBool();
            if ((x.Square() * x + G2Affine.B).TrySqrt(out Fq2 y))
            {
                G2Affine p = new(x, IsNegative(y) == greatest ? y : -y);
                return p.ToJacobian().Multiply(CofactorLimbs()).ToAffine();
            }
        }
    }

    private static ulong[] CofactorLimbs()
    {
        byte[] bytes = G2Cofactor.ToByteArray(isUnsigned: true, isBigEndian: false);
        ulong[] limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++)
        {
            limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        }

        return limbs;
    }

    private static bool IsNegative(in Fq v) => v.ToBigInteger() > FqHalf;

    // ffjavascript's F2 sign: the sign of c1, or of c0 when c1 is zero.
    private static bool IsNegative(in Fq2 v) => v.C1.IsZero ? IsNegative(v.C0) : IsNegative(v.C1);

    /// <summary>Four u64 words (least significant first), masked to 254 bits (both BN254 moduli are 254-bit).</summary>
    private static void DrawMasked(FfjsChaCha rng, Span<ulong> v)
    {
        for (int i = 0; i < 4; i++)
        {
            v[i] = rng.NextUInt64();
        }

        v[3] &= (1UL << 62) - 1;
    }

    private static bool Less(ReadOnlySpan<ulong> v, BigInteger modulus)
    {
        BigInteger value = new BigInteger(v[0]) | (new BigInteger(v[1]) << 64) | (new BigInteger(v[2]) << 128) | (new BigInteger(v[3]) << 192);
        return value < modulus;
    }
}
