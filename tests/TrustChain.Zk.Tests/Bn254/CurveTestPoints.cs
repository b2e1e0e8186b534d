using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>Points built by search (try x = 1, 2, ... until x³ + b' is a square) for negative tests.</summary>
internal static class CurveTestPoints
{
    public static G2Affine G2PointOutsideSubgroup()
    {
        for (ulong i = 1; ; i++)
        {
            Fq2 x = new(Fq.FromUInt64(i), Fq.One);
            Fq2 rhs = x.Square() * x + G2Affine.B;
            if (rhs.TrySqrt(out Fq2 y))
            {
                G2Affine p = new(x, y);
                if (p.IsOnCurve && !p.ToJacobian().Multiply(Limbs.R).IsInfinity)
                {
                    return p;
                }
            }
        }
    }
}
