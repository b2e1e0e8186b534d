namespace TrustChain.Zk.Bn254;

/// <summary>
/// Point of G2 on the D-type sextic twist y² = x³ + 3/(9 + u) over F_q2, in affine coordinates; (0, 0) is the point at
/// infinity as in EIP-197. Unlike G1 the twist has a large cofactor, so decoding also checks subgroup membership.
/// </summary>
public readonly struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>Size of the EIP-197 encoding x.im || x.re || y.im || y.re (each 32 bytes big-endian).</summary>
    public const int ByteLength = 128;

    private static readonly Fq2 TwistB = new Fq2(Fq.FromUInt64(3), Fq.Zero) * Fq2.NonResidue.Inverse();

    /// <summary>Builds a point without validation; check <see cref="IsOnCurve"/> and <see cref="IsInSubgroup"/>.</summary>
    public G2Affine(in Fq2 x, in Fq2 y)
    {
        X = x;
        Y = y;
    }

    public Fq2 X { get; }

    public Fq2 Y { get; }

    public static G2Affine Infinity => default;

    /// <summary>The generator fixed by EIP-197.</summary>
    public static G2Affine Generator { get; } = new(
        new Fq2(
            Fq.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            Fq.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        new Fq2(
            Fq.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            Fq.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    /// <summary>The twist coefficient b' = 3/(9 + u).</summary>
    public static Fq2 B => TwistB;

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + TwistB;

    public bool IsInSubgroup => ToJacobian().IsInSubgroup;

    public static G2Affine operator -(in G2Affine p) => p.Negate();

    public static bool operator ==(in G2Affine a, in G2Affine b) => a.Equals(b);

    public static bool operator !=(in G2Affine a, in G2Affine b) => !a.Equals(b);

    public G2Affine Negate() => IsInfinity ? this : new G2Affine(X, -Y);

    public G2Jacobian ToJacobian() => IsInfinity ? G2Jacobian.Infinity : new G2Jacobian(X, Y, Fq2.One);

    public G2Jacobian Multiply(in Fr scalar) => ToJacobian().Multiply(scalar);

    public G2Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => ToJacobian().Multiply(scalarLimbs);

    /// <summary>
    /// Decodes x.im || x.re || y.im || y.re (big-endian, imaginary part first as in EIP-197) with full validation:
    /// length, every coordinate &lt; q, on the twist, and in the order-r subgroup.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out G2Affine point, out string? error)
    {
        point = default;
        if (bytes.Length != ByteLength)
        {
            error = $"G2 point needs {ByteLength} bytes, got {bytes.Length}.";
            return false;
        }

        if (!Fq.TryFromBytesBigEndian(bytes[..32], out Fq xIm) || !Fq.TryFromBytesBigEndian(bytes[32..64], out Fq xRe))
        {
            error = "G2 x coordinate is not below the field modulus q.";
            return false;
        }

        if (!Fq.TryFromBytesBigEndian(bytes[64..96], out Fq yIm) || !Fq.TryFromBytesBigEndian(bytes[96..128], out Fq yRe))
        {
            error = "G2 y coordinate is not below the field modulus q.";
            return false;
        }

        G2Affine candidate = new(new Fq2(xRe, xIm), new Fq2(yRe, yIm));
        if (!candidate.IsOnCurve)
        {
            error = "G2 point is not on the twist curve y² = x³ + 3/(9+u).";
            return false;
        }

        if (!candidate.IsInSubgroup)
        {
            error = "G2 point is not in the order-r subgroup.";
            return false;
        }

        point = candidate;
        error = null;
        return true;
    }

    public static bool TryRead(ReadOnlySpan<byte> bytes, out G2Affine point) => TryRead(bytes, out point, out _);

    /// <exception cref="ArgumentException">The encoding is invalid; the message says why.</exception>
    public static G2Affine FromBytes(ReadOnlySpan<byte> bytes) =>
        TryRead(bytes, out G2Affine point, out string? error) ? point : throw new ArgumentException(error, nameof(bytes));

    public void ToBytes(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException($"Destination needs {ByteLength} bytes, got {destination.Length}.", nameof(destination));
        }

        X.C1.ToBytesBigEndian(destination[..32]);
        X.C0.ToBytesBigEndian(destination[32..64]);
        Y.C1.ToBytesBigEndian(destination[64..96]);
        Y.C0.ToBytesBigEndian(destination[96..128]);
    }

    public byte[] ToBytes()
    {
        byte[] result = new byte[ByteLength];
        ToBytes(result);
        return result;
    }

    public bool Equals(G2Affine other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is G2Affine other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "G2(infinity)" : $"G2({X}, {Y})";
}
