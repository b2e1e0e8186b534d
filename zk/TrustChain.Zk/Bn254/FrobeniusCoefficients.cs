using System.Numerics;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// γ(n, k) = ξ^(k·(q^n − 1)/6) for n = 0..11, k = 0..5. F_q12 is F_q2[w]/(w⁶ − ξ), so the q^n-power Frobenius sends
/// a·w^k to a^(q^n)·γ(n, k)·w^k. Computed once at start-up rather than pasted, so they cannot be mistyped.
/// </summary>
internal static class FrobeniusCoefficients
{
    private static readonly Fq2[] Table = Build();

    public static int Normalize(int power) => ((power % 12) + 12) % 12;

    public static Fq2 Gamma(int n, int k) => Table[n * 6 + k];

    /// <remarks>
    /// Only γ(1, k) needs an exponentiation: (q^n − 1)/6 = q·(q^(n−1) − 1)/6 + (q − 1)/6, so
    /// γ(n, k) = γ(n−1, k)^q · γ(1, k), and the q-th power on F_q2 is conjugation.
    /// </remarks>
    private static Fq2[] Build()
    {
        Fq2[] table = new Fq2[12 * 6];
        BigInteger step = (Fq.Modulus - 1) / 6;
        Fq2 xi = Fq2.NonResidue;
        for (int k = 0; k < 6; k++)
        {
            table[k] = Fq2.One;
            table[6 + k] = xi.Pow(ToLimbs(step * k));
        }

        for (int n = 2; n < 12; n++)
        {
            for (int k = 0; k < 6; k++)
            {
                table[n * 6 + k] = table[(n - 1) * 6 + k].Conjugate() * table[6 + k];
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
