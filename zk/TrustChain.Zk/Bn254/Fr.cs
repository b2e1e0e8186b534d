using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Element of the BN254 scalar field F_r, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617,
/// held in Montgomery form (R = 2^256) on four 64-bit limbs and always fully reduced, so equal values have equal limbs.
/// </summary>
/// <remarks>
/// <see cref="Fr"/> and <see cref="Fq"/> are two structs instead of one generic type so that a scalar can never be
/// mixed up with a coordinate at compile time and so the public API stays a plain, non-generic value type; all
/// arithmetic is shared through the modulus-specialised kernels in <see cref="MontgomeryMath"/>.
/// </remarks>
public readonly struct Fr : IEquatable<Fr>
{
    /// <summary>Size of a serialised element.</summary>
    public const int ByteLength = 32;

    /// <summary>The modulus r as a decimal string.</summary>
    public const string ModulusDecimal = "21888242871839275222246405745257275088548364400416034343698204186575808495617";

    private readonly ulong _l0, _l1, _l2, _l3;

    private Fr(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    /// <summary>The modulus r (not an element: it would reduce to zero).</summary>
    public static BigInteger Modulus { get; } = BigInteger.Parse(ModulusDecimal, CultureInfo.InvariantCulture);

    public static Fr Zero => default;

    /// <summary>1 in Montgomery form, i.e. 2^256 mod r.</summary>
    public static Fr One => new(0xac96341c4ffffffbUL, 0x36fc76959f60cd29UL, 0x666ea36f7879462eUL, 0x0e0a77c19a07df2fUL);

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    public bool IsOne => Equals(One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator +(in Fr a, in Fr b)
    {
        MontgomeryMath.Add<FrModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator -(in Fr a, in Fr b)
    {
        MontgomeryMath.Sub<FrModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator -(in Fr a)
    {
        MontgomeryMath.Neg<FrModulus>(a._l0, a._l1, a._l2, a._l3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Fr operator *(in Fr a, in Fr b)
    {
        if (AdxMontgomery.IsActive)
        {
            // Straight from the operands' own limbs: no copies into and out of the kernel's argument registers.
            Unsafe.SkipInit(out Fr r);
            fixed (Fr* pa = &a, pb = &b)
            {
                AdxMontgomery.MulFr((ulong*)&r, (ulong*)pa, (ulong*)pb);
            }

            return r;
        }

        MontgomeryMath.Mul<FrModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    public static bool operator ==(in Fr a, in Fr b) => a.Equals(b);

    public static bool operator !=(in Fr a, in Fr b) => !a.Equals(b);

    public Fr Square() => this * this;

    public Fr Double() => this + this;

    /// <summary>this / 2, without a multiplication.</summary>
    public Fr Halve()
    {
        MontgomeryMath.Halve<FrModulus>(_l0, _l1, _l2, _l3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    /// <summary>Multiplicative inverse.</summary>
    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    public Fr Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse in Fr.");
        }

        Fr one = One;
        MontgomeryMath.Inverse<FrModulus>(_l0, _l1, _l2, _l3, one._l0, one._l1, one._l2, one._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    public Fr Pow(ulong exponent) => Pow([exponent]);

    /// <summary>Raises to the canonical integer value of <paramref name="exponent"/> (in [0, r)).</summary>
    public Fr Pow(in Fr exponent)
    {
        Span<ulong> e = stackalloc ulong[4];
        exponent.ToCanonicalLimbs(e);
        return Pow(e);
    }

    /// <summary>Raises to an unsigned integer given as little-endian 64-bit limbs (any length).</summary>
    public Fr Pow(ReadOnlySpan<ulong> exponentLimbs)
    {
        Fr one = One;
        MontgomeryMath.Pow<FrModulus>(_l0, _l1, _l2, _l3, exponentLimbs, one._l0, one._l1, one._l2, one._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    public static Fr FromUInt64(ulong value)
    {
        MontgomeryMath.ToMontgomery<FrModulus>(value, 0, 0, 0, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    /// <summary>Reduces any integer modulo r; negative values map to r - (|v| mod r).</summary>
    public static Fr FromBigInteger(BigInteger value)
    {
        MontgomeryMath.FromBigInteger(value, Modulus, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return FromCanonical(a0, a1, a2, a3);
    }

    public BigInteger ToBigInteger()
    {
        MontgomeryMath.FromMontgomery<FrModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return MontgomeryMath.ToBigInteger(a0, a1, a2, a3);
    }

    /// <summary>Writes the canonical (non-Montgomery) value as four little-endian limbs.</summary>
    public void ToCanonicalLimbs(Span<ulong> destination)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException("Destination needs 4 limbs.", nameof(destination));
        }

        MontgomeryMath.FromMontgomery<FrModulus>(_l0, _l1, _l2, _l3, out destination[0], out destination[1], out destination[2], out destination[3]);
    }

    /// <summary>Builds an element from the canonical value given as four little-endian limbs; values ≥ r are reduced.</summary>
    public static Fr FromCanonicalLimbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        MontgomeryMath.ReduceFull<FrModulus>(ref l0, ref l1, ref l2, ref l3);
        return FromCanonical(l0, l1, l2, l3);
    }

    private static Fr FromCanonical(ulong a0, ulong a1, ulong a2, ulong a3)
    {
        MontgomeryMath.ToMontgomery<FrModulus>(a0, a1, a2, a3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    /// <summary>Reads a canonical 32-byte big-endian value; fails on a wrong length or a value ≥ r.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out Fr value)
    {
        value = default;
        if (bytes.Length != ByteLength)
        {
            return false;
        }

        MontgomeryMath.ReadBigEndian(bytes, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        if (!MontgomeryMath.IsCanonical<FrModulus>(a0, a1, a2, a3))
        {
            return false;
        }

        value = FromCanonical(a0, a1, a2, a3);
        return true;
    }

    /// <exception cref="ArgumentException">Not 32 bytes, or the value is ≥ r.</exception>
    public static Fr FromBytesBigEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBytesBigEndian(bytes, out Fr value) ? value : throw NotCanonical(bytes.Length, nameof(bytes));

    /// <summary>Reads a canonical 32-byte little-endian value (snarkjs binary layout); fails on a wrong length or a value ≥ r.</summary>
    public static bool TryFromBytesLittleEndian(ReadOnlySpan<byte> bytes, out Fr value)
    {
        value = default;
        if (bytes.Length != ByteLength)
        {
            return false;
        }

        MontgomeryMath.ReadLittleEndian(bytes, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        if (!MontgomeryMath.IsCanonical<FrModulus>(a0, a1, a2, a3))
        {
            return false;
        }

        value = FromCanonical(a0, a1, a2, a3);
        return true;
    }

    /// <exception cref="ArgumentException">Not 32 bytes, or the value is ≥ r.</exception>
    public static Fr FromBytesLittleEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBytesLittleEndian(bytes, out Fr value) ? value : throw NotCanonical(bytes.Length, nameof(bytes));

    /// <summary>Interprets a big-endian byte string of any length as an integer and reduces it modulo r.</summary>
    public static Fr FromBytesBigEndianReduce(ReadOnlySpan<byte> bytes)
    {
        MontgomeryMath.FromBytesReduce<FrModulus>(bytes, bigEndian: true, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    /// <summary>Interprets a little-endian byte string of any length as an integer and reduces it modulo r.</summary>
    public static Fr FromBytesLittleEndianReduce(ReadOnlySpan<byte> bytes)
    {
        MontgomeryMath.FromBytesReduce<FrModulus>(bytes, bigEndian: false, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    public void ToBytesBigEndian(Span<byte> destination)
    {
        CheckDestination(destination);
        MontgomeryMath.FromMontgomery<FrModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        MontgomeryMath.WriteBigEndian(destination, a0, a1, a2, a3);
    }

    public byte[] ToBytesBigEndian()
    {
        byte[] result = new byte[ByteLength];
        ToBytesBigEndian(result);
        return result;
    }

    public void ToBytesLittleEndian(Span<byte> destination)
    {
        CheckDestination(destination);
        MontgomeryMath.FromMontgomery<FrModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        MontgomeryMath.WriteLittleEndian(destination, a0, a1, a2, a3);
    }

    public byte[] ToBytesLittleEndian()
    {
        byte[] result = new byte[ByteLength];
        ToBytesLittleEndian(result);
        return result;
    }

    /// <summary>
    /// Reads the raw Montgomery representation as snarkjs stores it in .zkey sections: 32 bytes little-endian of
    /// a·2^256 mod r. Same R as ours, so no conversion is needed.
    /// </summary>
    /// <exception cref="ArgumentException">Not 32 bytes, or the raw value is ≥ r.</exception>
    public static Fr FromMontgomeryLimbs(ReadOnlySpan<byte> littleEndian)
    {
        if (littleEndian.Length != ByteLength)
        {
            throw new ArgumentException($"Montgomery Fr needs {ByteLength} bytes, got {littleEndian.Length}.", nameof(littleEndian));
        }

        MontgomeryMath.ReadLittleEndian(littleEndian, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return FromMontgomeryLimbs(a0, a1, a2, a3);
    }

    /// <exception cref="ArgumentException">The raw value is ≥ r.</exception>
    public static Fr FromMontgomeryLimbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        if (!MontgomeryMath.IsCanonical<FrModulus>(l0, l1, l2, l3))
        {
            throw new ArgumentException("Montgomery limbs are not reduced modulo r.");
        }

        return new Fr(l0, l1, l2, l3);
    }

    /// <summary>Raw Montgomery limbs known to be below 2r (the output of a lazy kernel), reduced with one subtraction.</summary>
    internal static Fr FromMontgomeryLimbsReducingOnce(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        MontgomeryMath.ReduceOnce<FrModulus>(l0, l1, l2, l3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fr(r0, r1, r2, r3);
    }

    /// <summary>Writes the raw Montgomery representation as 32 little-endian bytes (snarkjs .zkey layout).</summary>
    public void ToMontgomeryLimbs(Span<byte> destination)
    {
        CheckDestination(destination);
        MontgomeryMath.WriteLittleEndian(destination, _l0, _l1, _l2, _l3);
    }

    public void ToMontgomeryLimbs(Span<ulong> destination)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException("Destination needs 4 limbs.", nameof(destination));
        }

        destination[0] = _l0;
        destination[1] = _l1;
        destination[2] = _l2;
        destination[3] = _l3;
    }

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal canonical value (0 ≤ v &lt; r).</summary>
    /// <exception cref="FormatException">Malformed text or a value ≥ r.</exception>
    public static Fr Parse(string text) =>
        TryParse(text, out Fr value) ? value : throw new FormatException($"'{text}' is not a decimal or 0x-hex Fr element below r.");

    public static bool TryParse(string? text, out Fr value)
    {
        value = default;
        if (!FieldText.TryParseNonNegative(text, out BigInteger v) || v >= Modulus)
        {
            return false;
        }

        value = FromBigInteger(v);
        return true;
    }

    /// <summary>Decimal representation of the canonical value.</summary>
    public override string ToString() => ToBigInteger().ToString(CultureInfo.InvariantCulture);

    /// <summary>Uniform-ish element from 64 random bytes (bias ≈ 2^-258).</summary>
    public static Fr FromRandom(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> buf = stackalloc byte[64];
        random.NextBytes(buf);
        return FromBytesBigEndianReduce(buf);
    }

    public static Fr FromRandom(RandomNumberGenerator rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Span<byte> buf = stackalloc byte[64];
        rng.GetBytes(buf);
        return FromBytesBigEndianReduce(buf);
    }

    /// <summary>Cryptographically random element.</summary>
    public static Fr FromRandom()
    {
        Span<byte> buf = stackalloc byte[64];
        RandomNumberGenerator.Fill(buf);
        return FromBytesBigEndianReduce(buf);
    }

    /// <summary>Inverts every element in place with one field inversion (Montgomery's trick).</summary>
    /// <exception cref="DivideByZeroException">Any element is zero; the span is left unchanged.</exception>
    public static void BatchInverse(Span<Fr> values)
    {
        if (values.Length == 0)
        {
            return;
        }

        Fr[] prefix = new Fr[values.Length];
        Fr acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].IsZero)
            {
                throw new DivideByZeroException($"Element {i} is zero and has no inverse.");
            }

            prefix[i] = acc;
            acc *= values[i];
        }

        Fr inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            Fr v = values[i];
            values[i] = inv * prefix[i];
            inv *= v;
        }
    }

    public bool Equals(Fr other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    public override bool Equals(object? obj) => obj is Fr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException($"Destination needs {ByteLength} bytes, got {destination.Length}.", nameof(destination));
        }
    }

    private static ArgumentException NotCanonical(int length, string paramName) =>
        length != ByteLength
            ? new ArgumentException($"Fr needs exactly {ByteLength} bytes, got {length}.", paramName)
            : new ArgumentException("Value is not below the modulus r.", paramName);
}
