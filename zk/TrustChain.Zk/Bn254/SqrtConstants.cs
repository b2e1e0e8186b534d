using System.Numerics;

namespace TrustChain.Zk.Bn254;

/// <summary>Exponents for square roots in F_q2.</summary>
internal static class SqrtConstants
{
    public static readonly ulong[] QMinus3Over4 = FrobeniusCoefficients.ToLimbs((Fq.Modulus - 3) / 4);

    public static readonly ulong[] QMinus1Over2 = FrobeniusCoefficients.ToLimbs((Fq.Modulus - 1) / 2);
}
