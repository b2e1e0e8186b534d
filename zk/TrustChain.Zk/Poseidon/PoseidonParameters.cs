using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Poseidon;

/// <summary>
/// Field-element form of one width's Grain parameters, in two shapes: the plain per-round constants and MDS,
/// and the optimised form (as circomlib's "opt" variant) in which partial rounds add one scalar constant and
/// multiply by a sparse matrix. Built once per width and cached.
/// </summary>
public sealed class PoseidonParameters
{
    public const int MinInputs = 1;
    public const int MaxInputs = 16;
    public const int FullRounds = PoseidonGrainParameters.FullRounds;
    public const int HalfFullRounds = FullRounds / 2;

    private static readonly int[] PartialRoundsByWidth = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];
    private static readonly Lazy<PoseidonParameters>[] Cache = CreateCache();

    private PoseidonParameters(PoseidonGrainParameters grain)
    {
        Width = grain.Width;
        PartialRounds = grain.PartialRounds;
        int t = Width;

        RoundConstants = new Fr[grain.RoundConstants.Count];
        for (int i = 0; i < RoundConstants.Length; i++)
        {
            RoundConstants[i] = Fr.FromBigInteger(grain.RoundConstants[i]);
        }

        Mds = new Fr[t * t];
        for (int i = 0; i < t; i++)
        {
            for (int j = 0; j < t; j++)
            {
                Mds[i * t + j] = Fr.FromBigInteger(grain.Mds[i][j]);
            }
        }

        FullConstants = new Fr[FullRounds * t];
        PartialConstants = new Fr[PartialRounds];
        SparseMatrices = new Fr[PartialRounds * (2 * t - 1)];
        TransitionMatrix = new Fr[t * t];
        BuildOptimized();
    }

    /// <summary>State width t = inputs + 1.</summary>
    public int Width { get; }

    public int PartialRounds { get; }

    /// <summary>Plain form: (8 + R_P) × t round constants, added at the start of each round.</summary>
    internal Fr[] RoundConstants { get; }

    /// <summary>Row-major t × t MDS matrix: out[i] = Σ_j Mds[i·t + j]·in[j].</summary>
    internal Fr[] Mds { get; }

    /// <summary>
    /// Optimised form: t constants for each of the 8 full rounds (the first four, then the last four). The
    /// non-first components of the partial rounds' constants are pushed through the linear layers and folded
    /// into the first constants of the second half.
    /// </summary>
    internal Fr[] FullConstants { get; }

    /// <summary>Optimised form: the scalar added to state[0] in each partial round.</summary>
    internal Fr[] PartialConstants { get; }

    /// <summary>
    /// Optimised form, 2t − 1 entries per partial round: [m00, w_1..w_{t-1}, v_1..v_{t-1}] with
    /// out0 = m00·s0 + Σ w_k·s_k and out_k = v_k·s0 + s_k.
    /// </summary>
    internal Fr[] SparseMatrices { get; }

    /// <summary>Optimised form: the dense matrix that replaces the MDS in the last full round before the partial rounds.</summary>
    internal Fr[] TransitionMatrix { get; }

    /// <summary>Parameters for a hash of <paramref name="inputs"/> field elements (1..16), generated on first use.</summary>
    public static PoseidonParameters ForInputs(int inputs)
    {
        if (inputs < MinInputs || inputs > MaxInputs)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs,
                $"Poseidon supports {MinInputs}..{MaxInputs} inputs (state width 2..17).");
        }

        return Cache[inputs - 1].Value;
    }

    private static Lazy<PoseidonParameters>[] CreateCache()
    {
        Lazy<PoseidonParameters>[] cache = new Lazy<PoseidonParameters>[MaxInputs];
        for (int i = 0; i < cache.Length; i++)
        {
            int width = i + 2;
            cache[i] = new Lazy<PoseidonParameters>(
                () => new PoseidonParameters(PoseidonGrainParameters.Generate(width, PartialRoundsByWidth[width - 2], Fr.Modulus)),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        return cache;
    }

    private void BuildOptimized()
    {
        int t = Width;
        int firstPartial = HalfFullRounds;

        Array.Copy(RoundConstants, 0, FullConstants, 0, HalfFullRounds * t);
        Array.Copy(RoundConstants, (HalfFullRounds + PartialRounds) * t, FullConstants, HalfFullRounds * t, HalfFullRounds * t);

        // Forward pass: in a partial round only state[0] is non-linear, so the other constant components can
        // be carried through M and added later; the carry ends up in the first full round of the second half.
        Span<Fr> carry = new Fr[t];
        Span<Fr> rest = new Fr[t];
        for (int r = 0; r < PartialRounds; r++)
        {
            int offset = (firstPartial + r) * t;
            PartialConstants[r] = RoundConstants[offset] + carry[0];
            rest[0] = Fr.Zero;
            for (int k = 1; k < t; k++)
            {
                rest[k] = RoundConstants[offset + k] + carry[k];
            }

            MultiplyDense(Mds, rest, carry, t);
        }

        for (int k = 0; k < t; k++)
        {
            FullConstants[HalfFullRounds * t + k] += carry[k];
        }

        // Backward pass: factor A = M''·M' with M' = diag(1, Â) and M'' sparse. M' commutes with a partial
        // round (it leaves state[0] alone), so it moves into the previous round's matrix, and the last one
        // left over merges into the MDS of the final first-half full round.
        Fr[] a = (Fr[])Mds.Clone();
        int n = t - 1;
        Fr[] hat = new Fr[n * n];
        Fr[] hatInverse = new Fr[n * n];
        for (int r = PartialRounds - 1; r >= 0; r--)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    hat[i * n + j] = a[(i + 1) * t + j + 1];
                }
            }

            Invert(hat, hatInverse, n);
            int s = r * (2 * t - 1);
            SparseMatrices[s] = a[0];
            for (int j = 0; j < n; j++)
            {
                Fr w = Fr.Zero;
                for (int k = 0; k < n; k++)
                {
                    w += a[k + 1] * hatInverse[k * n + j];
                }

                SparseMatrices[s + 1 + j] = w;
                SparseMatrices[s + t + j] = a[(j + 1) * t];
            }

            // a ← M'·M, with M' = diag(1, Â).
            Fr[] next = new Fr[t * t];
            for (int j = 0; j < t; j++)
            {
                next[j] = Mds[j];
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < t; j++)
                {
                    Fr sum = Fr.Zero;
                    for (int k = 0; k < n; k++)
                    {
                        sum += hat[i * n + k] * Mds[(k + 1) * t + j];
                    }

                    next[(i + 1) * t + j] = sum;
                }
            }

            a = next;
        }

        Array.Copy(a, TransitionMatrix, t * t);
    }

    private static void MultiplyDense(Fr[] matrix, ReadOnlySpan<Fr> input, Span<Fr> output, int t)
    {
        for (int i = 0; i < t; i++)
        {
            Fr sum = Fr.Zero;
            for (int j = 0; j < t; j++)
            {
                sum += matrix[i * t + j] * input[j];
            }

            output[i] = sum;
        }
    }

    /// <summary>Gauss–Jordan inverse; a Cauchy matrix's square submatrices are Cauchy too, hence invertible.</summary>
    private static void Invert(Fr[] source, Fr[] inverse, int n)
    {
        Fr[] work = (Fr[])source.Clone();
        Array.Clear(inverse);
        for (int i = 0; i < n; i++)
        {
            inverse[i * n + i] = Fr.One;
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            while (pivot < n && work[pivot * n + col].IsZero)
            {
                pivot++;
            }

            if (pivot == n)
            {
                throw new InvalidOperationException("Poseidon MDS submatrix is singular; the parameters are not usable.");
            }

            if (pivot != col)
            {
                SwapRows(work, pivot, col, n);
                SwapRows(inverse, pivot, col, n);
            }

            Fr scale = work[col * n + col].Inverse();
            for (int j = 0; j < n; j++)
            {
                work[col * n + j] *= scale;
                inverse[col * n + j] *= scale;
            }

            for (int row = 0; row < n; row++)
            {
                if (row == col || work[row * n + col].IsZero)
                {
                    continue;
                }

                Fr factor = work[row * n + col];
                for (int j = 0; j < n; j++)
                {
                    work[row * n + j] -= factor * work[col * n + j];
                    inverse[row * n + j] -= factor * inverse[col * n + j];
                }
            }
        }
    }

    private static void SwapRows(Fr[] m, int a, int b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            (m[a * n + j], m[b * n + j]) = (m[b * n + j], m[a * n + j]);
        }
    }
}
