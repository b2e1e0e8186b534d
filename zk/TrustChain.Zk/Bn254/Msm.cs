using System.Runtime.CompilerServices;
using G1Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G1Curve, TrustChain.Zk.Bn254.G1Affine, TrustChain.Zk.Bn254.G1Jacobian, TrustChain.Zk.Bn254.Fq>;
using G2Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G2Curve, TrustChain.Zk.Bn254.G2Affine, TrustChain.Zk.Bn254.G2Jacobian, TrustChain.Zk.Bn254.Fq2>;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Multi-scalar multiplication Σ s_i·P_i (Pippenger's bucket method, windows processed in parallel). Zero scalars
/// are skipped and scalars equal to one are added directly, since witness vectors are dominated by 0 and 1.
/// </summary>
public static class Msm
{
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static G1Jacobian Compute(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G1Pippenger msm = Prepare(points, scalars);
        Parallel.For(0, msm.TaskCount, msm.RunTask);
        return msm.Finish();
    }

    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static G2Jacobian Compute(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars)
    {
        G2Pippenger msm = Prepare(points, scalars);
        Parallel.For(0, msm.TaskCount, msm.RunTask);
        return msm.Finish();
    }

    /// <summary>
    /// The scalar preparation of <see cref="Compute(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr})"/> (the bases whose scalar
    /// is one are summed here); the returned tasks can run beside other MSMs' tasks in one parallel loop.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static G1Pippenger Prepare(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars) => Prepare(points.ToArray(), scalars);

    /// <summary>As <see cref="Prepare(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr})"/>, keeping the array (not copied).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    internal static G1Pippenger Prepare(G1Affine[] points, ReadOnlySpan<Fr> scalars) =>
        PrepareOn<G1Curve, G1Affine, G1Jacobian, Fq>(points, scalars);

    /// <inheritdoc cref="Prepare(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr})"/>
    internal static G2Pippenger Prepare(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars) => Prepare(points.ToArray(), scalars);

    /// <inheritdoc cref="Prepare(G1Affine[], ReadOnlySpan{Fr})"/>
    internal static G2Pippenger Prepare(G2Affine[] points, ReadOnlySpan<Fr> scalars) =>
        PrepareOn<G2Curve, G2Affine, G2Jacobian, Fq2>(points, scalars);

    private static Pippenger<TCurve, TAffine, TJacobian, TField> PrepareOn<TCurve, TAffine, TJacobian, TField>(
        TAffine[] points, ReadOnlySpan<Fr> scalars)
        where TCurve : struct, ICurveGroup<TAffine, TJacobian, TField>
        where TAffine : unmanaged
        where TField : unmanaged
    {
        CheckLengths(points.Length, scalars.Length);
        ulong[] limbs = PrepareScalars(scalars, out int[] general, out int[] ones);
        TJacobian sum = TCurve.JacobianInfinity;
        foreach (int i in ones)
        {
            sum = TCurve.AddMixed(sum, points[i]);
        }

        return new Pippenger<TCurve, TAffine, TJacobian, TField>(points, limbs, general, sum);
    }

    /// <summary>Window width: roughly 0.69·log2(n) + 2, which balances bucket additions against the bucket sums.</summary>
    internal static int WindowBits(int count)
    {
        if (count < 32)
        {
            return 3;
        }

        int log2 = 31 - int.LeadingZeroCount(count);
        return Math.Min(16, log2 * 69 / 100 + 2);
    }

    /// <summary>
    /// Signed-digit recoding: every scalar becomes digits d_w in [−2^(c−1), 2^(c−1)) with Σ d_w·2^(wc) = s, which halves
    /// the bucket count. <paramref name="windows"/> is chosen so that windows·c ≥ 255 absorbs the final carry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static short[] SignedDigits(ulong[] limbs, int[] indices, int c, out int windows)
    {
        windows = 254 / c + 1;
        short[] digits = new short[indices.Length * windows];
        int full = 1 << c;
        int half = full >> 1;
        for (int k = 0; k < indices.Length; k++)
        {
            int carry = 0;
            int baseIndex = indices[k] * 4;
            for (int w = 0; w < windows; w++)
            {
                int d = Window(limbs, baseIndex, w * c, c) + carry;
                if (d >= half)
                {
                    d -= full;
                    carry = 1;
                }
                else
                {
                    carry = 0;
                }

                digits[k * windows + w] = (short)d;
            }
        }

        return digits;
    }

    /// <summary>Extracts bits [offset, offset + width) of the 4-limb scalar starting at limbs[baseIndex].</summary>
    private static int Window(ulong[] limbs, int baseIndex, int offset, int width)
    {
        int limb = offset >> 6;
        if (limb > 3)
        {
            return 0;
        }

        int shift = offset & 63;
        ulong v = limbs[baseIndex + limb] >> shift;
        if (shift + width > 64 && limb < 3)
        {
            v |= limbs[baseIndex + limb + 1] << (64 - shift);
        }

        return (int)(v & ((1UL << width) - 1));
    }

    private static void CheckLengths(int points, int scalars)
    {
        if (points != scalars)
        {
            throw new ArgumentException($"Got {points} points and {scalars} scalars.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong[] PrepareScalars(ReadOnlySpan<Fr> scalars, out int[] general, out int[] ones)
    {
        ulong[] limbs = new ulong[scalars.Length * 4];
        List<int> generalList = [];
        List<int> oneList = [];
        Fr one = Fr.One;
        for (int i = 0; i < scalars.Length; i++)
        {
            if (scalars[i].IsZero)
            {
                continue;
            }

            if (scalars[i] == one)
            {
                oneList.Add(i);
                continue;
            }

            scalars[i].ToCanonicalLimbs(limbs.AsSpan(i * 4, 4));
            generalList.Add(i);
        }

        general = [.. generalList];
        ones = [.. oneList];
        return limbs;
    }
}
