namespace TrustChain.Zk.Bn254;

/// <summary>Width-w non-adjacent form of an unsigned multi-limb scalar, used by the scalar multiplications.</summary>
internal static class Wnaf
{
    /// <summary>Upper bound on the digit count for a scalar of <paramref name="limbCount"/> limbs.</summary>
    public static int MaxDigits(int limbCount) => limbCount * 64 + 1;

    /// <summary>
    /// Writes digits d_i (coefficient of 2^i) that are zero or odd with |d_i| &lt; 2^(w−1), and returns how many
    /// were produced (0 for a zero scalar).
    /// </summary>
    public static int Compute(ReadOnlySpan<ulong> scalar, int width, Span<sbyte> digits)
    {
        Span<ulong> k = stackalloc ulong[scalar.Length + 1];
        k.Clear();
        scalar.CopyTo(k);
        long window = 1L << width;
        long half = window >> 1;
        int count = 0;
        while (!IsZero(k))
        {
            sbyte digit = 0;
            if ((k[0] & 1) != 0)
            {
                long d = (long)(k[0] & (ulong)(window - 1));
                if (d >= half)
                {
                    d -= window;
                }

                digit = (sbyte)d;
                if (d > 0)
                {
                    SubSmall(k, (ulong)d);
                }
                else
                {
                    AddSmall(k, (ulong)(-d));
                }
            }

            digits[count++] = digit;
            ShiftRightOne(k);
        }

        return count;
    }

    private static bool IsZero(ReadOnlySpan<ulong> k)
    {
        foreach (ulong limb in k)
        {
            if (limb != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void SubSmall(Span<ulong> k, ulong value)
    {
        for (int i = 0; i < k.Length && value != 0; i++)
        {
            ulong before = k[i];
            k[i] = before - value;
            value = before < value ? 1UL : 0UL;
        }
    }

    private static void AddSmall(Span<ulong> k, ulong value)
    {
        for (int i = 0; i < k.Length && value != 0; i++)
        {
            ulong sum = k[i] + value;
            value = sum < value ? 1UL : 0UL;
            k[i] = sum;
        }
    }

    private static void ShiftRightOne(Span<ulong> k)
    {
        for (int i = 0; i < k.Length - 1; i++)
        {
            k[i] = (k[i] >> 1) | (k[i + 1] << 63);
        }

        k[^1] >>= 1;
    }
}
