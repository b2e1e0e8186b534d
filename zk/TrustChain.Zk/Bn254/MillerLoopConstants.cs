namespace TrustChain.Zk.Bn254;

/// <summary>The optimal-ate loop scalar 6u + 2 in non-adjacent form (digit i is the coefficient of 2^i).</summary>
internal static class MillerLoopConstants
{
    public static readonly sbyte[] Naf = ComputeNaf();

    private static sbyte[] ComputeNaf()
    {
        // 6u + 2 is 65 bits long, hence UInt128.
        UInt128 k = (UInt128)Bn254Parameters.U * 6 + 2;
        List<sbyte> digits = [];
        while (k != 0)
        {
            sbyte d = 0;
            if ((k & 1) != 0)
            {
                d = (k & 3) == 3 ? (sbyte)-1 : (sbyte)1;
                k = d == 1 ? k - 1 : k + 1;
            }

            digits.Add(d);
            k >>= 1;
        }

        return [.. digits];
    }
}
