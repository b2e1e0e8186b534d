using System.Numerics;

namespace TrustChain.Biometrics.Templates;

/// <summary>Masked Hamming distance between palm codes: only bits valid in both masks are compared.</summary>
public static class PalmHamming
{
    /// <summary>Counts differing bits and compared bits over the positions valid in both templates.</summary>
    public static HammingResult Compare(PalmTemplate a, PalmTemplate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.BitLength != b.BitLength)
        {
            throw new ArgumentException($"Templates differ in length: {a.BitLength} vs {b.BitLength} bits.");
        }

        return Compare(a.Bits, a.Mask, b.Bits, b.Mask);
    }

    public static HammingResult Compare(ReadOnlySpan<ulong> bitsA, ReadOnlySpan<ulong> maskA, ReadOnlySpan<ulong> bitsB, ReadOnlySpan<ulong> maskB)
    {
        int words = bitsA.Length;
        if (maskA.Length != words || bitsB.Length != words || maskB.Length != words)
        {
            throw new ArgumentException("Bit and mask spans must all have the same length.");
        }

        int differing = 0;
        int compared = 0;
        for (int i = 0; i < words; i++)
        {
            ulong both = maskA[i] & maskB[i];
            compared += BitOperations.PopCount(both);
            differing += BitOperations.PopCount((bitsA[i] ^ bitsB[i]) & both);
        }

        return new HammingResult(differing, compared);
    }

    /// <summary>Masked fractional Hamming distance in [0, 1]; throws if the masks share no valid bit.</summary>
    public static double Fractional(PalmTemplate a, PalmTemplate b) => Compare(a, b).Fraction;

    public static int PopCount(ReadOnlySpan<ulong> words)
    {
        int count = 0;
        for (int i = 0; i < words.Length; i++)
        {
            count += BitOperations.PopCount(words[i]);
        }

        return count;
    }
}
