using System.Numerics;
using System.Security.Cryptography;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// Scalar arithmetic modulo the secp256k1 group order n. BigInteger is used deliberately: these are a handful of
/// operations per OPRF evaluation next to three or four native point multiplications (which dominate the cost),
/// and Core's UInt256 has no modular inverse. Not constant-time; key shares never leave their prover node, and
/// the only secret scalars handled here on the client are one-time blinds.
/// </summary>
public static class Secp256k1Scalar
{
    public const int Length = 32;

    private const int MemoisedIndexLimit = 64;
    private const int MaxMemoisedCoefficients = 4_096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Index, ulong Set), BigInteger> s_lagrange = new();

    public static BigInteger Order { get; } = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    public static BigInteger FromBytes(ReadOnlySpan<byte> bigEndian32)
    {
        if (bigEndian32.Length != Length)
        {
            throw new ArgumentException($"A scalar is {Length} bytes, got {bigEndian32.Length}.", nameof(bigEndian32));
        }

        return new BigInteger(bigEndian32, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Parses a scalar that must lie in [1, n).</summary>
    public static BigInteger FromBytesNonZero(ReadOnlySpan<byte> bigEndian32, string what)
    {
        BigInteger value = FromBytes(bigEndian32);
        if (value.IsZero || value >= Order)
        {
            throw new ArgumentException($"{what} must be a scalar in [1, n).");
        }

        return value;
    }

    /// <summary>A 32-byte hash reduced mod n (bias below 2^-127, irrelevant for Fiat–Shamir challenges).</summary>
    public static BigInteger FromHash(ReadOnlySpan<byte> hash32) => FromBytes(hash32) % Order;

    public static byte[] ToBytes(BigInteger value)
    {
        byte[] result = new byte[Length];
        WriteBytes(value, result);
        return result;
    }

    public static void WriteBytes(BigInteger value, Span<byte> destination32)
    {
        BigInteger reduced = Reduce(value);
        destination32[..Length].Clear();
        int written = reduced.GetByteCount(isUnsigned: true);
        if (!reduced.TryWriteBytes(destination32.Slice(Length - written, written), out _, isUnsigned: true, isBigEndian: true))
        {
            throw new InvalidOperationException("Scalar did not fit in 32 bytes.");
        }
    }

    public static BigInteger Reduce(BigInteger value)
    {
        BigInteger r = value % Order;
        return r.Sign < 0 ? r + Order : r;
    }

    public static BigInteger Add(BigInteger a, BigInteger b) => Reduce(a + b);

    public static BigInteger Subtract(BigInteger a, BigInteger b) => Reduce(a - b);

    public static BigInteger Multiply(BigInteger a, BigInteger b) => Reduce(a * b);

    /// <summary>a^(n−2) mod n (Fermat; n is prime).</summary>
    public static BigInteger Inverse(BigInteger a)
    {
        BigInteger r = Reduce(a);
        if (r.IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse mod n.");
        }

        return BigInteger.ModPow(r, Order - 2, Order);
    }

    /// <summary>
    /// Every value's inverse with one exponentiation (Montgomery's batch inversion): prefix products forward, one
    /// inverse of the total, then peel each value off walking back. All values must be non-zero mod n.
    /// </summary>
    public static void InverseAll(ReadOnlySpan<BigInteger> values, Span<BigInteger> inverses)
    {
        if (inverses.Length != values.Length)
        {
            throw new ArgumentException($"{values.Length} values need {values.Length} inverse slots, got {inverses.Length}.", nameof(inverses));
        }

        if (values.Length == 0)
        {
            return;
        }

        // inverses[i] holds the prefix product v_0·…·v_(i−1) until the backward pass overwrites it.
        BigInteger product = BigInteger.One;
        for (int i = 0; i < values.Length; i++)
        {
            BigInteger value = Reduce(values[i]);
            if (value.IsZero)
            {
                throw new DivideByZeroException($"Value {i} is zero mod n and has no inverse.");
            }

            inverses[i] = product;
            product = Multiply(product, value);
        }

        BigInteger remaining = Inverse(product);
        for (int i = values.Length - 1; i >= 0; i--)
        {
            inverses[i] = Multiply(remaining, inverses[i]);
            remaining = Multiply(remaining, values[i]);
        }
    }

    /// <summary>Uniform scalar in [1, n) from the OS CSPRNG (rejection sampling).</summary>
    public static BigInteger Random()
    {
        Span<byte> buffer = stackalloc byte[Length];
        while (true)
        {
            RandomNumberGenerator.Fill(buffer);
            BigInteger value = FromBytes(buffer);
            if (!value.IsZero && value < Order)
            {
                return value;
            }
        }
    }

    /// <summary>
    /// Lagrange coefficient at x = 0 for member <paramref name="index"/> among the distinct <paramref name="indices"/>.
    /// It depends only on the member set, and a scan combines hundreds of bands from the same members, so coefficients
    /// of sets of indices below 64 are kept (a modular inversion each, the costliest scalar operation here).
    /// </summary>
    public static BigInteger LagrangeAtZero(int index, ReadOnlySpan<int> indices)
    {
        if (MemberSet(indices) is { } set && (uint)index < MemoisedIndexLimit)
        {
            if (s_lagrange.TryGetValue((index, set), out BigInteger known))
            {
                return known;
            }

            BigInteger computed = ComputeLagrangeAtZero(index, indices);
            if (s_lagrange.Count < MaxMemoisedCoefficients)
            {
                s_lagrange.TryAdd((index, set), computed);
            }

            return computed;
        }

        return ComputeLagrangeAtZero(index, indices);
    }

    /// <summary>The indices as a bit set, or null when one is outside [0, 64) or repeats (then nothing is memoised).</summary>
    private static ulong? MemberSet(ReadOnlySpan<int> indices)
    {
        ulong set = 0;
        foreach (int j in indices)
        {
            if ((uint)j >= MemoisedIndexLimit || (set & (1UL << j)) != 0)
            {
                return null;
            }

            set |= 1UL << j;
        }

        return set;
    }

    private static BigInteger ComputeLagrangeAtZero(int index, ReadOnlySpan<int> indices)
    {
        BigInteger numerator = BigInteger.One;
        BigInteger denominator = BigInteger.One;
        bool present = false;
        foreach (int j in indices)
        {
            if (j == index)
            {
                present = true;
                continue;
            }

            numerator = Multiply(numerator, j);
            denominator = Multiply(denominator, Subtract(j, index));
        }

        if (!present)
        {
            throw new ArgumentException($"Index {index} is not among the combined members.", nameof(index));
        }

        return Multiply(numerator, Inverse(denominator));
    }
}
