using System.Numerics;
using System.Runtime.CompilerServices;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Poseidon;

/// <summary>
/// Poseidon over the BN254 scalar field, identical to circomlib / circomlibjs / poseidon-lite: state width
/// t = inputs + 1 with the capacity element 0 first, x^5 S-box, 8 full rounds, the circomlib partial round
/// counts, Grain-generated constants; the output is state[0].
/// </summary>
public static class Poseidon
{
    private const int MaxWidth = PoseidonParameters.MaxInputs + 1;

    /// <summary>Hashes 1..16 field elements with the optimised permutation; allocation-free.</summary>
    public static Fr Hash(ReadOnlySpan<Fr> inputs)
    {
        if (inputs.Length == 2)
        {
            return Hash2(inputs[0], inputs[1]);
        }

        PoseidonParameters parameters = PoseidonParameters.ForInputs(inputs.Length);
        Span<Fr> state = stackalloc Fr[MaxWidth];
        state = state[..parameters.Width];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);
        PermuteOptimized(parameters, state);
        return state[0];
    }

    /// <summary>Hashes 1..16 non-negative integers below r (convenience for tests and tools).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input is negative or not below the field modulus.</exception>
    public static BigInteger Hash(params BigInteger[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length is < PoseidonParameters.MinInputs or > PoseidonParameters.MaxInputs)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs.Length,
                $"Poseidon supports {PoseidonParameters.MinInputs}..{PoseidonParameters.MaxInputs} inputs.");
        }

        Span<Fr> elements = stackalloc Fr[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Sign < 0 || inputs[i] >= Fr.Modulus)
            {
                throw new ArgumentOutOfRangeException(nameof(inputs), $"Input {i} is not a field element (0 <= x < r): {inputs[i]}.");
            }

            elements[i] = Fr.FromBigInteger(inputs[i]);
        }

        return Hash(elements).ToBigInteger();
    }

    /// <summary>The textbook permutation (constants and full MDS every round); kept as the reference for the optimised one.</summary>
    public static Fr HashUnoptimized(ReadOnlySpan<Fr> inputs)
    {
        PoseidonParameters parameters = PoseidonParameters.ForInputs(inputs.Length);
        int t = parameters.Width;
        Span<Fr> state = stackalloc Fr[MaxWidth];
        Span<Fr> mixed = stackalloc Fr[MaxWidth];
        state = state[..t];
        mixed = mixed[..t];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);

        int rounds = PoseidonParameters.FullRounds + parameters.PartialRounds;
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < t; i++)
            {
                state[i] += parameters.RoundConstants[r * t + i];
            }

            bool full = r < PoseidonParameters.HalfFullRounds || r >= PoseidonParameters.HalfFullRounds + parameters.PartialRounds;
            for (int i = 0; i < (full ? t : 1); i++)
            {
                state[i] = Pow5(state[i]);
            }

            MultiplyDense(parameters.Mds, state, mixed, t);
            mixed.CopyTo(state);
        }

        return state[0];
    }

    /// <summary>Two-input Poseidon (t = 3), unrolled; this is the LeanIMT node hash.</summary>
    public static Fr Hash2(in Fr a, in Fr b)
    {
        PoseidonParameters p = PoseidonParameters.ForInputs(2);
        if (AdxMontgomery.IsActive)
        {
            return Hash2Native(a, b, p);
        }

        ReadOnlySpan<Fr> c = p.FullConstants;
        Fr s0 = Fr.Zero, s1 = a, s2 = b;

        // Rounds live in separate small methods: one method with all ~600 multiplications inlined exceeds the
        // JIT's inlining budget, and the multiplications left as calls are several times slower.
        FullRound3(ref s0, ref s1, ref s2, c[..3], p.Mds);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(3, 3), p.Mds);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(6, 3), p.Mds);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(9, 3), p.TransitionMatrix);
        PartialRounds3(ref s0, ref s1, ref s2, p.PartialConstants, p.SparseMatrices);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(12, 3), p.Mds);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(15, 3), p.Mds);
        FullRound3(ref s0, ref s1, ref s2, c.Slice(18, 3), p.Mds);
        return LastFullRound3(s0, s1, s2, c.Slice(21, 3), p.Mds);
    }

    /// <summary>The same permutation as the managed <see cref="Hash2"/>, every round in <see cref="AdxMontgomery"/>'s loops.</summary>
    private static unsafe Fr Hash2Native(in Fr a, in Fr b, PoseidonParameters p)
    {
        Fr* state = stackalloc Fr[3];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        fixed (Fr* constants = p.FullConstants, mds = p.Mds, transition = p.TransitionMatrix)
        fixed (Fr* partial = p.PartialConstants, sparse = p.SparseMatrices)
        {
            int half = PoseidonParameters.HalfFullRounds;
            for (int r = 0; r < half; r++)
            {
                AdxMontgomery.Poseidon3FullRound(state, constants + 3 * r, r == half - 1 ? transition : mds);
            }

            AdxMontgomery.Poseidon3PartialRounds(state, partial, sparse, p.PartialConstants.Length);

            // The last round mixes all three rows although only state[0] is output: two rows of waste, one fewer loop.
            for (int r = half; r < 2 * half; r++)
            {
                AdxMontgomery.Poseidon3FullRound(state, constants + 3 * r, mds);
            }
        }

        return state[0];
    }

    /// <summary>
    /// output[i] = <see cref="Hash2"/>(left[i], right[i]) for every i. Eight hashes at a time run in AVX-512 lanes when
    /// the CPU has them (several times the single-hash rate); the rest, and other CPUs, use the scalar path.
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public static void Hash2Many(ReadOnlySpan<Fr> left, ReadOnlySpan<Fr> right, Span<Fr> output)
    {
        if (left.Length != right.Length || left.Length != output.Length)
        {
            throw new ArgumentException(
                $"Hash2Many needs spans of equal length, got {left.Length} left, {right.Length} right and {output.Length} outputs.");
        }

        int i = 0;
        if (PoseidonLanes.IsSupported)
        {
            for (; i + FrVector8.Lanes <= output.Length; i += FrVector8.Lanes)
            {
                PoseidonLanes.Hash2x8(left.Slice(i, FrVector8.Lanes), right.Slice(i, FrVector8.Lanes), output.Slice(i, FrVector8.Lanes));
            }
        }

        for (; i < output.Length; i++)
        {
            output[i] = Hash2(left[i], right[i]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FullRound3(ref Fr s0, ref Fr s1, ref Fr s2, ReadOnlySpan<Fr> c, ReadOnlySpan<Fr> m)
    {
        Fr x0 = Pow5(s0 + c[0]);
        Fr x1 = Pow5(s1 + c[1]);
        Fr x2 = Pow5(s2 + c[2]);
        s0 = m[0] * x0 + m[1] * x1 + m[2] * x2;
        s1 = m[3] * x0 + m[4] * x1 + m[5] * x2;
        s2 = m[6] * x0 + m[7] * x1 + m[8] * x2;
    }

    /// <summary>Only state[0] is output, so the last mix needs one row.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Fr LastFullRound3(in Fr s0, in Fr s1, in Fr s2, ReadOnlySpan<Fr> c, ReadOnlySpan<Fr> m)
    {
        Fr x0 = Pow5(s0 + c[0]);
        Fr x1 = Pow5(s1 + c[1]);
        Fr x2 = Pow5(s2 + c[2]);
        return m[0] * x0 + m[1] * x1 + m[2] * x2;
    }

    /// <summary>The managed width-3 partial rounds, exposed as the reference for the machine-code loop.</summary>
    internal static void PartialRounds3Managed(ref Fr state0, ref Fr state1, ref Fr state2, ReadOnlySpan<Fr> constants, ReadOnlySpan<Fr> sparse) =>
        PartialRounds3(ref state0, ref state1, ref state2, constants, sparse);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PartialRounds3(ref Fr state0, ref Fr state1, ref Fr state2, ReadOnlySpan<Fr> constants, ReadOnlySpan<Fr> sparse)
    {
        Fr s0 = state0, s1 = state1, s2 = state2;
        for (int r = 0; r < constants.Length; r++)
        {
            Fr x0 = Pow5(s0 + constants[r]);
            ReadOnlySpan<Fr> row = sparse.Slice(r * 5, 5);
            s0 = row[0] * x0 + row[1] * s1 + row[2] * s2;
            s1 += row[3] * x0;
            s2 += row[4] * x0;
        }

        state0 = s0;
        state1 = s1;
        state2 = s2;
    }

    private static void PermuteOptimized(PoseidonParameters parameters, Span<Fr> state)
    {
        int t = parameters.Width;
        Span<Fr> mixed = stackalloc Fr[MaxWidth];
        mixed = mixed[..t];
        ReadOnlySpan<Fr> constants = parameters.FullConstants;

        for (int r = 0; r < PoseidonParameters.HalfFullRounds; r++)
        {
            FullSBox(state, constants.Slice(r * t, t));
            MultiplyDense(r == PoseidonParameters.HalfFullRounds - 1 ? parameters.TransitionMatrix : parameters.Mds, state, mixed, t);
            mixed.CopyTo(state);
        }

        ReadOnlySpan<Fr> partial = parameters.PartialConstants;
        ReadOnlySpan<Fr> sparse = parameters.SparseMatrices;
        int stride = 2 * t - 1;
        for (int r = 0; r < partial.Length; r++)
        {
            Fr x0 = Pow5(state[0] + partial[r]);
            ReadOnlySpan<Fr> row = sparse.Slice(r * stride, stride);
            Fr out0 = row[0] * x0;
            for (int k = 1; k < t; k++)
            {
                out0 += row[k] * state[k];
                state[k] += row[t + k - 1] * x0;
            }

            state[0] = out0;
        }

        for (int r = PoseidonParameters.HalfFullRounds; r < PoseidonParameters.FullRounds; r++)
        {
            FullSBox(state, constants.Slice(r * t, t));
            MultiplyDense(parameters.Mds, state, mixed, t);
            mixed.CopyTo(state);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FullSBox(Span<Fr> state, ReadOnlySpan<Fr> constants)
    {
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = Pow5(state[i] + constants[i]);
        }
    }

    private static void MultiplyDense(ReadOnlySpan<Fr> matrix, ReadOnlySpan<Fr> input, Span<Fr> output, int t)
    {
        for (int i = 0; i < t; i++)
        {
            ReadOnlySpan<Fr> row = matrix.Slice(i * t, t);
            Fr sum = row[0] * input[0];
            for (int j = 1; j < t; j++)
            {
                sum += row[j] * input[j];
            }

            output[i] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fr Pow5(in Fr x)
    {
        Fr x2 = x * x;
        Fr x4 = x2 * x2;
        return x4 * x;
    }
}
