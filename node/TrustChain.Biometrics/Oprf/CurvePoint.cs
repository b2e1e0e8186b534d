using System.Numerics;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// secp256k1 point operations on 64-byte uncompressed points (X‖Y) through Core's libsecp256k1 binding.
/// The point at infinity cannot be represented; operations that would produce it throw <see cref="OprfException"/>.
/// </summary>
public static class CurvePoint
{
    public const int Length = Secp256k1.PublicKeyLength;

    /// <summary>The generator G.</summary>
    public static byte[] Generator { get; } = MultiplyGenerator(BigInteger.One);

    public static byte[] MultiplyGenerator(BigInteger scalar)
    {
        byte[] result = new byte[Length];
        if (!Secp256k1.TryGetPublicKey(Secp256k1Scalar.ToBytes(scalar), result))
        {
            throw new OprfException("Scalar multiplication of G failed (zero scalar).");
        }

        return result;
    }

    public static byte[] Multiply(ReadOnlySpan<byte> point, BigInteger scalar)
    {
        byte[] result = new byte[Length];
        if (!Secp256k1.TryMultiply(point, Secp256k1Scalar.ToBytes(scalar), result))
        {
            throw new OprfException("Point multiplication failed (invalid point or zero scalar).");
        }

        return result;
    }

    public static byte[] Add(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        byte[] result = new byte[Length];
        if (!Secp256k1.TryAdd(a, b, result))
        {
            throw new OprfException("Point addition failed (invalid point or the sum is the point at infinity).");
        }

        return result;
    }

    /// <summary>s·P + c·Q, or null when the result is the point at infinity.</summary>
    public static byte[]? LinearCombination(BigInteger s, ReadOnlySpan<byte> p, BigInteger c, ReadOnlySpan<byte> q)
    {
        s = Secp256k1Scalar.Reduce(s);
        c = Secp256k1Scalar.Reduce(c);
        if (s.IsZero)
        {
            return c.IsZero ? null : Multiply(q, c);
        }

        if (c.IsZero)
        {
            return Multiply(p, s);
        }

        // libsecp256k1 multiplies G from a precomputed table, several times faster than a general point (DLEQ checks s·G).
        byte[] sp = p.SequenceEqual(Generator) ? MultiplyGenerator(s) : Multiply(p, s);
        byte[] cq = Multiply(q, c);
        byte[] result = new byte[Length];
        return Secp256k1.TryAdd(sp, cq, result) ? result : null;
    }

    public static bool IsValid(ReadOnlySpan<byte> point) => Secp256k1.IsValidPublicKey(point);

    public static void RequireValid(ReadOnlySpan<byte> point, string what)
    {
        if (!IsValid(point))
        {
            throw new ArgumentException($"{what} is not a valid secp256k1 point (64 bytes X‖Y on the curve).");
        }
    }
}
