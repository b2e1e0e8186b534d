using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Element of the BN254 scalar field F_q, q = 21888242871839275222246405745257275088696311157297823662689037894645226208583,
/// held in Montgomery form (R = 2^256) on four 64-bit limbs and always fully reduced, so equal values have equal limbs.
/// </summary>
/// <remarks>
/// <see cref="Fr"/> and <see cref="Fq"/> are two structs instead of one generic type so that a scalar can never be
/// mixed up with a coordinate at compile time and so the public API stays a plain, non-generic value type; all
/// arithmetic is shared through the modulus-specialised kernels in <see cref="MontgomeryMath"/>.
/// </remarks>
public readonly struct Fq : IEquatable<Fq>
{
    /// <summary>Size of a serialised element.</summary>
    public const int ByteLength = 32;

    /// <summary>The modulus q as a decimal string.</summary>
    public const string ModulusDecimal = "21888242871839275222246405745257275088696311157297823662689037894645226208583";

    private readonly ulong _l0, _l1, _l2, _l3;

    private Fq(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    /// <summary>The modulus q (not an element: it would reduce to zero).</summary>
    public static BigInteger Modulus { get; } = BigInteger.Parse(ModulusDecimal, CultureInfo.InvariantCulture);

    public static Fq Zero => default;

    /// <summary>1 in Montgomery form, i.e. 2^256 mod q.</summary>
    public static Fq One => new(0xd35d438dc58f0d9dUL, 0x0a78eb28f5c70b3dUL, 0x666ea36f7879462cUL, 0x0e0a77c19a07df2fUL);

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    public bool IsOne => Equals(One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator +(in Fq a, in Fq b)
    {
        MontgomeryMath.Add<FqModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator -(in Fq a, in Fq b)
    {
        MontgomeryMath.Sub<FqModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator -(in Fq a)
    {
        MontgomeryMath.Neg<FqModulus>(a._l0, a._l1, a._l2, a._l3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Fq operator *(in Fq a, in Fq b)
    {
        if (AdxMontgomery.IsActive)
        {
            // Straight from the operands' own limbs: no copies into and out of the kernel's argument registers.
            Unsafe.SkipInit(out Fq r);
            fixed (Fq* pa = &a, pb = &b)
            {
                AdxMontgomery.MulFq((ulong*)&r, (ulong*)pa, (ulong*)pb);
            }

            return r;
        }

        MontgomeryMath.Mul<FqModulus>(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>
    /// a + b left in [0, 2q): valid only as an operand of a multiplication (which accepts operands below 2q and
    /// returns a reduced product), never stored or compared. Lets Karatsuba-style formulas skip reducing their sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fq AddUnreduced(in Fq a, in Fq b)
    {
        MontgomeryMath.AddUnreduced(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    public static bool operator ==(in Fq a, in Fq b) => a.Equals(b);

    public static bool operator !=(in Fq a, in Fq b) => !a.Equals(b);

    public Fq Square() => this * this;

    public Fq Double() => this + this;

    /// <summary>this / 2, without a multiplication.</summary>
    public Fq Halve()
    {
        MontgomeryMath.Halve<FqModulus>(_l0, _l1, _l2, _l3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>Multiplicative inverse.</summary>
    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    public Fq Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse in Fq.");
        }

        Fq one = One;
        MontgomeryMath.Inverse<FqModulus>(_l0, _l1, _l2, _l3, one._l0, one._l1, one._l2, one._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    public Fq Pow(ulong exponent) => Pow([exponent]);

    /// <summary>Raises to the canonical integer value of <paramref name="exponent"/> (in [0, q)).</summary>
    public Fq Pow(in Fq exponent)
    {
        Span<ulong> e = stackalloc ulong[4];
        exponent.ToCanonicalLimbs(e);
        return Pow(e);
    }

    /// <summary>Raises to an unsigned integer given as little-endian 64-bit limbs (any length).</summary>
    public Fq Pow(ReadOnlySpan<ulong> exponentLimbs)
    {
        Fq one = One;
        MontgomeryMath.Pow<FqModulus>(_l0, _l1, _l2, _l3, exponentLimbs, one._l0, one._l1, one._l2, one._l3,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>
    /// Square root via a^((q+1)/4), valid because q ≡ 3 (mod 4). Returns false for non-residues.
    /// </summary>
    public bool TrySqrt(out Fq root)
    {
        // (q + 1) / 4 as little-endian limbs.
        ReadOnlySpan<ulong> exponent = [0x4f082305b61f3f52UL, 0x65e05aa45a1c72a3UL, 0x6e14116da0605617UL, 0x0c19139cb84c680aUL];
        Fq candidate = Pow(exponent);
        root = candidate;
        return candidate.Square() == this;
    }

    public static Fq FromUInt64(ulong value)
    {
        MontgomeryMath.ToMontgomery<FqModulus>(value, 0, 0, 0, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>Reduces any integer modulo q; negative values map to q - (|v| mod q).</summary>
    public static Fq FromBigInteger(BigInteger value)
    {
        MontgomeryMath.FromBigInteger(value, Modulus, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return FromCanonical(a0, a1, a2, a3);
    }

    public BigInteger ToBigInteger()
    {
        MontgomeryMath.FromMontgomery<FqModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return MontgomeryMath.ToBigInteger(a0, a1, a2, a3);
    }

    /// <summary>Writes the canonical (non-Montgomery) value as four little-endian limbs.</summary>
    public void ToCanonicalLimbs(Span<ulong> destination)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException("Destination needs 4 limbs.", nameof(destination));
        }

        MontgomeryMath.FromMontgomery<FqModulus>(_l0, _l1, _l2, _l3, out destination[0], out destination[1], out destination[2], out destination[3]);
    }

    /// <summary>Builds an element from the canonical value given as four little-endian limbs; values ≥ q are reduced.</summary>
    public static Fq FromCanonicalLimbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        MontgomeryMath.ReduceFull<FqModulus>(ref l0, ref l1, ref l2, ref l3);
        return FromCanonical(l0, l1, l2, l3);
    }

    private static Fq FromCanonical(ulong a0, ulong a1, ulong a2, ulong a3)
    {
        MontgomeryMath.ToMontgomery<FqModulus>(a0, a1, a2, a3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>Reads a canonical 32-byte big-endian value; fails on a wrong length or a value ≥ q.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out Fq value)
    {
        value = default;
        if (bytes.Length != ByteLength)
        {
            return false;
        }

        MontgomeryMath.ReadBigEndian(bytes, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        if (!MontgomeryMath.IsCanonical<FqModulus>(a0, a1, a2, a3))
        {
            return false;
        }

        value = FromCanonical(a0, a1, a2, a3);
        return true;
    }

    /// <exception cref="ArgumentException">Not 32 bytes, or the value is ≥ q.</exception>
    public static Fq FromBytesBigEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBytesBigEndian(bytes, out Fq value) ? value : throw NotCanonical(bytes.Length, nameof(bytes));

    /// <summary>Reads a canonical 32-byte little-endian value (snarkjs binary layout); fails on a wrong length or a value ≥ q.</summary>
    public static bool TryFromBytesLittleEndian(ReadOnlySpan<byte> bytes, out Fq value)
    {
        value = default;
        if (bytes.Length != ByteLength)
        {
            return false;
        }

        MontgomeryMath.ReadLittleEndian(bytes, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        if (!MontgomeryMath.IsCanonical<FqModulus>(a0, a1, a2, a3))
        {
            return false;
        }

        value = FromCanonical(a0, a1, a2, a3);
        return true;
    }

    /// <exception cref="ArgumentException">Not 32 bytes, or the value is ≥ q.</exception>
    public static Fq FromBytesLittleEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBytesLittleEndian(bytes, out Fq value) ? value : throw NotCanonical(bytes.Length, nameof(bytes));

    /// <summary>Interprets a big-endian byte string of any length as an integer and reduces it modulo q.</summary>
    public static Fq FromBytesBigEndianReduce(ReadOnlySpan<byte> bytes)
    {
        MontgomeryMath.FromBytesReduce<FqModulus>(bytes, bigEndian: true, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    /// <summary>Interprets a little-endian byte string of any length as an integer and reduces it modulo q.</summary>
    public static Fq FromBytesLittleEndianReduce(ReadOnlySpan<byte> bytes)
    {
        MontgomeryMath.FromBytesReduce<FqModulus>(bytes, bigEndian: false, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Fq(r0, r1, r2, r3);
    }

    public void ToBytesBigEndian(Span<byte> destination)
    {
        CheckDestination(destination);
        MontgomeryMath.FromMontgomery<FqModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
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
        MontgomeryMath.FromMontgomery<FqModulus>(_l0, _l1, _l2, _l3, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
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
    /// a·2^256 mod q. Same R as ours, so no conversion is needed.
    /// </summary>
    /// <exception cref="ArgumentException">Not 32 bytes, or the raw value is ≥ q.</exception>
    public static Fq FromMontgomeryLimbs(ReadOnlySpan<byte> littleEndian)
    {
        if (littleEndian.Length != ByteLength)
        {
            throw new ArgumentException($"Montgomery Fq needs {ByteLength} bytes, got {littleEndian.Length}.", nameof(littleEndian));
        }

        MontgomeryMath.ReadLittleEndian(littleEndian, out ulong a0, out ulong a1, out ulong a2, out ulong a3);
        return FromMontgomeryLimbs(a0, a1, a2, a3);
    }

    /// <exception cref="ArgumentException">The raw value is ≥ q.</exception>
    public static Fq FromMontgomeryLimbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        if (!MontgomeryMath.IsCanonical<FqModulus>(l0, l1, l2, l3))
        {
            throw new ArgumentException("Montgomery limbs are not reduced modulo q.");
        }

        return new Fq(l0, l1, l2, l3);
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

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal canonical value (0 ≤ v &lt; q).</summary>
    /// <exception cref="FormatException">Malformed text or a value ≥ q.</exception>
    public static Fq Parse(string text) =>
        TryParse(text, out Fq value) ? value : throw new FormatException($"'{text}' is not a decimal or 0x-hex Fq element below q.");

    public static bool TryParse(string? text, out Fq value)
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
    public static Fq FromRandom(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> buf = stackalloc byte[64];
        random.NextBytes(buf);
        return FromBytesBigEndianReduce(buf);
    }

    public static Fq FromRandom(RandomNumberGenerator rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Span<byte> buf = stackalloc byte[64];
        rng.GetBytes(buf);
        return FromBytesBigEndianReduce(buf);
    }

    /// <summary>Cryptographically random element.</summary>
    public static Fq FromRandom()
    {
        Span<byte> buf = stackalloc byte[64];
        RandomNumberGenerator.Fill(buf);
        return FromBytesBigEndianReduce(buf);
    }

    /// <summary>Inverts every element in place with one field inversion (Montgomery's trick).</summary>
    /// <exception cref="DivideByZeroException">Any element is zero; the span is left unchanged.</exception>
    public static void BatchInverse(Span<Fq> values)
    {
        if (values.Length == 0)
        {
            return;
        }

        Fq[] prefix = new Fq[values.Length];
        Fq acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].IsZero)
            {
                throw new DivideByZeroException($"Element {i} is zero and has no inverse.");
            }

            prefix[i] = acc;
            acc *= values[i];
        }

        Fq inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            Fq v = values[i];
            values[i] = inv * prefix[i];
            inv *= v;
        }
    }

    public bool Equals(Fq other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    public override bool Equals(object? obj) => obj is Fq other && Equals(other);

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
            ? new ArgumentException($"Fq needs exactly {ByteLength} bytes, got {length}.", paramName)
            : new ArgumentException("Value is not below the modulus q.", paramName);
}
