using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// Precomputed multiples d·256^j·P (d = 1..255, j = 0..31) of a fixed G1 point, so s·P costs at most 32 mixed additions
/// and no doublings. Used for the verification key's IC points, which are multiplied by every proof's public signals:
/// 510 KB per point buys half the additions of a 4-bit table (about 40 µs per Semaphore verification).
/// </summary>
internal sealed class FixedBaseTable
{
    private const int WindowBits = 8;
    private const int WindowsPerLimb = 64 / WindowBits;
    private const int Windows = 256 / WindowBits;
    private const int Digits = (1 << WindowBits) - 1;

    private readonly G1Affine[] _table;

    public FixedBaseTable(in G1Affine point)
    {
        G1Jacobian[] multiples = new G1Jacobian[Windows * Digits];
        G1Jacobian windowBase = point.ToJacobian();
        for (int j = 0; j < Windows; j++)
        {
            G1Jacobian acc = windowBase;
            for (int d = 0; d < Digits; d++)
            {
                multiples[j * Digits + d] = acc;
                acc = acc.Add(windowBase);
            }

            // acc is now 256·windowBase, the base of the next window.
            windowBase = acc;
        }

        _table = new G1Affine[multiples.Length];
        G1Jacobian.BatchNormalize(multiples, _table);
    }

    public G1Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToCanonicalLimbs(limbs);
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int j = 0; j < Windows; j++)
        {
            int digit = (int)((limbs[j / WindowsPerLimb] >> (j % WindowsPerLimb * WindowBits)) & Digits);
            if (digit != 0)
            {
                acc = acc.AddMixed(_table[j * Digits + digit - 1]);
            }
        }

        return acc;
    }
}
