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

    /// <summary>Lagrange coefficient at x = 0 for member <paramref name="index"/> among the distinct <paramref name="indices"/>.</summary>
    public static BigInteger LagrangeAtZero(int index, ReadOnlySpan<int> indices)
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
