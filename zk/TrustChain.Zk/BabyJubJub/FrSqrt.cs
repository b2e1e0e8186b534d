using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.BabyJubJub;

/// <summary>Square roots in Fr by Tonelli–Shanks (r − 1 = 2^28·q), needed to unpack compressed points.</summary>
internal static class FrSqrt
{
    private const int TwoAdicity = 28;
    private static readonly ulong[] QMinusOneHalf;
    private static readonly ulong[] LegendreExponent;
    private static readonly Fr RootOfUnity;

    static FrSqrt()
    {
        BigInteger r = Fr.Modulus;
        BigInteger q = (r - 1) >> TwoAdicity;
        QMinusOneHalf = ToLimbs((q - 1) / 2);
        LegendreExponent = ToLimbs((r - 1) / 2);

        // The first quadratic non-residue raised to q generates the 2^28-th roots of unity.
        Fr minusOne = -Fr.One;
        ulong candidate = 2;
        while (Fr.FromUInt64(candidate).Pow(LegendreExponent) != minusOne)
        {
            candidate++;
        }

        RootOfUnity = Fr.FromUInt64(candidate).Pow(ToLimbs(q));
    }

    /// <summary>The root in [0, (r−1)/2], matching zk-kit's choice, or false when <paramref name="value"/> is a non-residue.</summary>
    public static bool TrySqrt(in Fr value, out Fr root)
    {
        root = Fr.Zero;
        if (value.IsZero)
        {
            return true;
        }

        Fr w = value.Pow(QMinusOneHalf);
        Fr x = value * w;
        Fr b = x * w;
        Fr z = RootOfUnity;
        int v = TwoAdicity;
        while (!b.IsOne)
        {
            int k = 1;
            Fr b2k = b.Square();
            while (!b2k.IsOne)
            {
                b2k = b2k.Square();
                k++;
                if (k == v)
                {
                    return false;
                }
            }

            Fr t = z;
            for (int i = 0; i < v - k - 1; i++)
            {
                t = t.Square();
            }

            z = t.Square();
            b *= z;
            x *= t;
            v = k;
        }

        root = IsNegative(x) ? -x : x;
        return true;
    }

    /// <summary>zk-kit's sign convention: an element is "negative" when it is above (r−1)/2.</summary>
    public static bool IsNegative(in Fr value) => value.ToBigInteger() > Fr.Modulus >> 1;

    private static ulong[] ToLimbs(BigInteger value)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        ulong[] limbs = new ulong[4];
        for (int i = 0; i < bytes.Length; i++)
        {
            limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        }

        return limbs;
    }
}
