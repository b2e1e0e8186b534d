using System.Numerics;

namespace TrustChain.Zk.Poseidon;

/// <summary>
/// Round constants and MDS matrix for one Poseidon width, generated from the Grain LFSR exactly as the
/// Poseidon reference script that produced circomlib's tables: field=1, sbox=0, n=254, 8 full rounds.
/// Round constants are rejection-sampled below p; the Cauchy matrix M[i][j] = 1/(x_i + y_j) is drawn from 2t
/// further n-bit outputs reduced mod p, redrawn while any two are equal or some x_i + y_j is 0. That script
/// version predates the extra MDS security checks (algorithms 1–3) and circomlib's constants come from it;
/// the equality of every width's hash with poseidon-lite confirms this.
/// </summary>
public sealed class PoseidonGrainParameters
{
    public const int FieldBits = 254;
    public const int FullRounds = 8;

    private PoseidonGrainParameters(int width, int partialRounds, BigInteger[] roundConstants, BigInteger[][] mds)
    {
        Width = width;
        PartialRounds = partialRounds;
        RoundConstants = roundConstants;
        Mds = mds;
    }

    public int Width { get; }

    public int PartialRounds { get; }

    /// <summary>(FullRounds + PartialRounds) × Width constants, round-major.</summary>
    public IReadOnlyList<BigInteger> RoundConstants { get; }

    /// <summary>Mds[i][j]; the linear layer computes out[i] = Σ_j Mds[i][j]·in[j].</summary>
    public IReadOnlyList<IReadOnlyList<BigInteger>> Mds { get; }

    public static PoseidonGrainParameters Generate(int width, int partialRounds, BigInteger prime)
    {
        if (width < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Poseidon width must be at least 2.");
        }

        if (partialRounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(partialRounds), partialRounds, "At least one partial round is required.");
        }

        GrainLfsr grain = new(field: 1, sbox: 0, FieldBits, width, FullRounds, partialRounds);

        BigInteger[] constants = new BigInteger[(FullRounds + partialRounds) * width];
        for (int i = 0; i < constants.Length; i++)
        {
            constants[i] = grain.NextBelow(prime, FieldBits);
        }

        return new PoseidonGrainParameters(width, partialRounds, constants, GenerateCauchyMds(grain, width, prime));
    }

    private static BigInteger[][] GenerateCauchyMds(GrainLfsr grain, int width, BigInteger prime)
    {
        while (true)
        {
            BigInteger[] draws = DrawDistinct(grain, 2 * width, prime);
            BigInteger[][] matrix = new BigInteger[width][];
            bool valid = true;
            for (int i = 0; i < width && valid; i++)
            {
                matrix[i] = new BigInteger[width];
                for (int j = 0; j < width; j++)
                {
                    BigInteger sum = (draws[i] + draws[width + j]) % prime;
                    if (sum.IsZero)
                    {
                        valid = false;
                        break;
                    }

                    matrix[i][j] = BigInteger.ModPow(sum, prime - 2, prime);
                }
            }

            if (valid)
            {
                return matrix;
            }
        }
    }

    private static BigInteger[] DrawDistinct(GrainLfsr grain, int count, BigInteger prime)
    {
        while (true)
        {
            BigInteger[] draws = new BigInteger[count];
            HashSet<BigInteger> seen = [];
            bool distinct = true;
            for (int i = 0; i < count; i++)
            {
                draws[i] = grain.NextBits(FieldBits) % prime;
                distinct &= seen.Add(draws[i]);
            }

            if (distinct)
            {
                return draws;
            }
        }
    }
}
