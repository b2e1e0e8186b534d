using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Poseidon;

/// <summary>
/// Two-input Poseidon (t = 3) for eight independent inputs at once in <see cref="FrVector8"/> lanes, the same
/// optimised round structure as <see cref="Poseidon.Hash2"/>. Values are kept lazily reduced; the comments give the
/// bound (in multiples of r) that keeps every multiplication inside <see cref="FrVector8.Mul"/>'s contract.
/// </summary>
internal static class PoseidonLanes
{
    private static readonly Lazy<Constants> Shared = new(() => new Constants(PoseidonParameters.ForInputs(2)));

    public static bool IsSupported => FrVector8.IsSupported;

    /// <summary>output[k] = Poseidon(left[k], right[k]) for eight k.</summary>
    public static void Hash2x8(ReadOnlySpan<Fr> left, ReadOnlySpan<Fr> right, Span<Fr> output)
    {
        Constants c = Shared.Value;
        FrVector8 s0 = default;                   // 0
        FrVector8 s1 = FrVector8.Load(left);      // < 2r, normalised
        FrVector8 s2 = FrVector8.Load(right);     // < 2r, normalised

        // Full rounds leave each state word as a sum of three products, < 6r.
        FullRound(ref s0, ref s1, ref s2, c.Full, 0, c.Mds);
        FullRound(ref s0, ref s1, ref s2, c.Full, 3, c.Mds);
        FullRound(ref s0, ref s1, ref s2, c.Full, 6, c.Mds);
        FullRound(ref s0, ref s1, ref s2, c.Full, 9, c.Transition);

        // Partial rounds add a product (< 2r) to s1 and s2 each round: at most 6r + 57·2r = 120r < 2^261 at the end,
        // and 120r·r < r·2^261, so the products with them stay in range; one reduction each afterwards.
        FrVector8[] partial = c.Partial;
        FrVector8[] sparse = c.Sparse;
        for (int r = 0; r < partial.Length; r++)
        {
            FrVector8 x0 = Pow5(FrVector8.Add(s0, partial[r]));
            int row = r * 5;
            FrVector8 out0 = FrVector8.Add(
                FrVector8.Add(FrVector8.Mul(sparse[row], x0), FrVector8.Mul(sparse[row + 1], s1)),
                FrVector8.Mul(sparse[row + 2], s2));
            s1 = FrVector8.Normalize(FrVector8.Add(s1, FrVector8.Mul(sparse[row + 3], x0)));
            s2 = FrVector8.Normalize(FrVector8.Add(s2, FrVector8.Mul(sparse[row + 4], x0)));
            s0 = out0;
        }

        s1 = FrVector8.Reduce(s1);
        s2 = FrVector8.Reduce(s2);

        FullRound(ref s0, ref s1, ref s2, c.Full, 12, c.Mds);
        FullRound(ref s0, ref s1, ref s2, c.Full, 15, c.Mds);
        FullRound(ref s0, ref s1, ref s2, c.Full, 18, c.Mds);

        // Only state[0] is the output, so the last round needs one row.
        FrVector8 y0 = Pow5(FrVector8.Add(s0, c.Full[21]));
        FrVector8 y1 = Pow5(FrVector8.Add(s1, c.Full[22]));
        FrVector8 y2 = Pow5(FrVector8.Add(s2, c.Full[23]));
        FrVector8 result = FrVector8.Add(
            FrVector8.Add(FrVector8.Mul(c.Mds[0], y0), FrVector8.Mul(c.Mds[1], y1)),
            FrVector8.Mul(c.Mds[2], y2));
        result.Store(output);
    }

    private static void FullRound(ref FrVector8 s0, ref FrVector8 s1, ref FrVector8 s2, FrVector8[] constants, int offset, FrVector8[] m)
    {
        // Inputs < 6r (or < 2r), constants < r: S-box inputs < 7r, outputs < 2r, new state < 6r.
        FrVector8 x0 = Pow5(FrVector8.Add(s0, constants[offset]));
        FrVector8 x1 = Pow5(FrVector8.Add(s1, constants[offset + 1]));
        FrVector8 x2 = Pow5(FrVector8.Add(s2, constants[offset + 2]));
        s0 = FrVector8.Add(FrVector8.Add(FrVector8.Mul(m[0], x0), FrVector8.Mul(m[1], x1)), FrVector8.Mul(m[2], x2));
        s1 = FrVector8.Add(FrVector8.Add(FrVector8.Mul(m[3], x0), FrVector8.Mul(m[4], x1)), FrVector8.Mul(m[5], x2));
        s2 = FrVector8.Add(FrVector8.Add(FrVector8.Mul(m[6], x0), FrVector8.Mul(m[7], x1)), FrVector8.Mul(m[8], x2));
    }

    /// <summary>x^5 for x below 7r (a sum of at most four normalised values); the result is below 2r.</summary>
    private static FrVector8 Pow5(in FrVector8 x)
    {
        FrVector8 n = FrVector8.Normalize(x);
        FrVector8 x2 = FrVector8.Mul(n, n);
        FrVector8 x4 = FrVector8.Mul(x2, x2);
        return FrVector8.Mul(x4, n);
    }

    private sealed class Constants
    {
        public Constants(PoseidonParameters p)
        {
            Full = Broadcast(p.FullConstants);
            Mds = Broadcast(p.Mds);
            Transition = Broadcast(p.TransitionMatrix);
            Partial = Broadcast(p.PartialConstants);
            Sparse = Broadcast(p.SparseMatrices);
        }

        public FrVector8[] Full { get; }

        public FrVector8[] Mds { get; }

        public FrVector8[] Transition { get; }

        public FrVector8[] Partial { get; }

        public FrVector8[] Sparse { get; }

        private static FrVector8[] Broadcast(Fr[] values)
        {
            FrVector8[] result = new FrVector8[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = FrVector8.Broadcast(values[i]);
            }

            return result;
        }
    }
}
