using System.Numerics;
using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Radix-2 number-theoretic transform over Fr. The root of unity of order 2^k is 5^((r−1)/2^28) squared 28−k times,
/// the same choice as ffjavascript/snarkjs, so evaluations line up with snarkjs's domains.
/// </summary>
public static class Ntt
{
    private static readonly Fr[] Roots = BuildRoots();

    /// <summary>The multiplicative generator used to derive the roots (as in snarkjs).</summary>
    public static Fr Generator => Fr.FromUInt64(5);

    /// <summary>A primitive 2^<paramref name="log2Size"/>-th root of unity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">log2Size is outside [0, 28].</exception>
    public static Fr RootOfUnity(int log2Size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(log2Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(log2Size, Bn254Parameters.FrTwoAdicity);
        return Roots[log2Size];
    }

    /// <summary>In place: coefficients a_j → evaluations Σ a_j ω^(ij), ω = <see cref="RootOfUnity"/>(log2 n).</summary>
    /// <exception cref="ArgumentException">The length is not a power of two up to 2^28.</exception>
    public static void Forward(Span<Fr> values)
    {
        int log2 = CheckLength(values.Length);
        Transform(values, RootOfUnity(log2));
    }

    /// <summary>In place: evaluations → coefficients (the exact inverse of <see cref="Forward"/>).</summary>
    public static void Inverse(Span<Fr> values)
    {
        int log2 = CheckLength(values.Length);
        Transform(values, RootOfUnity(log2).Inverse());
        Fr nInv = Fr.FromUInt64((ulong)values.Length).Inverse();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= nInv;
        }
    }

    /// <summary>In place: coefficients → evaluations at shift·ω^i (a_j is scaled by shift^j first).</summary>
    public static void ForwardCoset(Span<Fr> values, in Fr shift)
    {
        CheckLength(values.Length);
        ScaleByPowers(values, shift);
        Forward(values);
    }

    /// <summary>In place: evaluations at shift·ω^i → coefficients.</summary>
    /// <exception cref="DivideByZeroException">The shift is zero.</exception>
    public static void InverseCoset(Span<Fr> values, in Fr shift)
    {
        Fr shiftInv = shift.Inverse();
        Inverse(values);
        ScaleByPowers(values, shiftInv);
    }

    private static void ScaleByPowers(Span<Fr> values, in Fr factor)
    {
        Fr power = Fr.One;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= power;
            power *= factor;
        }
    }

    private static int CheckLength(int length)
    {
        if (length == 0 || !BitOperations.IsPow2(length) || BitOperations.Log2((uint)length) > Bn254Parameters.FrTwoAdicity)
        {
            throw new ArgumentException($"NTT length must be a power of two up to 2^{Bn254Parameters.FrTwoAdicity}, got {length}.");
        }

        return BitOperations.Log2((uint)length);
    }

    /// <summary>Iterative Cooley–Tukey: bit-reversal permutation, then butterflies with a precomputed twiddle table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transform(Span<Fr> values, in Fr omega)
    {
        int n = values.Length;
        if (n == 1)
        {
            return;
        }

        int bits = BitOperations.Log2((uint)n);
        for (int i = 0; i < n; i++)
        {
            int j = (int)(ReverseBits((uint)i) >> (32 - bits));
            if (j > i)
            {
                (values[i], values[j]) = (values[j], values[i]);
            }
        }

        Fr[] twiddles = new Fr[n / 2];
        twiddles[0] = Fr.One;
        for (int i = 1; i < twiddles.Length; i++)
        {
            twiddles[i] = twiddles[i - 1] * omega;
        }

        for (int half = 1; half < n; half <<= 1)
        {
            int stride = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half)
            {
                for (int k = 0; k < half; k++)
                {
                    Fr t = values[start + k + half] * twiddles[k * stride];
                    Fr u = values[start + k];
                    values[start + k] = u + t;
                    values[start + k + half] = u - t;
                }
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }

    private static Fr[] BuildRoots()
    {
        int s = Bn254Parameters.FrTwoAdicity;
        Fr[] roots = new Fr[s + 1];
        BigInteger t = (Fr.Modulus - 1) >> s;
        roots[s] = Generator.Pow(FrobeniusCoefficients.ToLimbs(t));
        for (int k = s - 1; k >= 0; k--)
        {
            roots[k] = roots[k + 1].Square();
        }

        return roots;
    }
}
