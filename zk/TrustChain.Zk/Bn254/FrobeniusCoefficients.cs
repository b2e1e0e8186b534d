using System.Numerics;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// γ(n, k) = ξ^(k·(q^n − 1)/6) for n = 0..11, k = 0..5. F_q12 is F_q2[w]/(w⁶ − ξ), so the q^n-power Frobenius sends
/// a·w^k to a^(q^n)·γ(n, k)·w^k. Computed once from the definition rather than pasted, so they cannot be mistyped.
/// </summary>
internal static class FrobeniusCoefficients
{
    private static readonly Fq2[] Table = Build();

    public static int Normalize(int power) => ((power % 12) + 12) % 12;

    public static Fq2 Gamma(int n, int k) => Table[n * 6 + k];

    private static Fq2[] Build()
    {
        Fq2[] table = new Fq2[12 * 6];
        BigInteger q = Fq.Modulus;
        Fq2 xi = Fq2.NonResidue;
        for (int n = 0; n < 12; n++)
        {
            BigInteger step = (BigInteger.Pow(q, n) - 1) / 6;
            for (int k = 0; k < 6; k++)
            {
                table[n * 6 + k] = xi.Pow(ToLimbs(step * k));
            }
        }

        return table;
    }

    internal static ulong[] ToLimbs(BigInteger value)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        ulong[] limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++)
        {
            limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        }

        return limbs;
    }
}
