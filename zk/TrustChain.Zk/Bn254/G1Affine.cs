namespace TrustChain.Zk.Bn254;

/// <summary>
/// Point of G1: y² = x³ + 3 over F_q, in affine coordinates. The point at infinity is (0, 0), as in EIP-196
/// (that pair is not on the curve, so there is no ambiguity). G1 has cofactor 1: every curve point is in the group.
/// </summary>
public readonly struct G1Affine : IEquatable<G1Affine>
{
    /// <summary>Size of the EIP-196 encoding x || y (each 32 bytes big-endian).</summary>
    public const int ByteLength = 64;

    /// <summary>Builds a point without validation; check <see cref="IsOnCurve"/> for untrusted input.</summary>
    public G1Affine(in Fq x, in Fq y)
    {
        X = x;
        Y = y;
    }

    public Fq X { get; }

    public Fq Y { get; }

    public static G1Affine Infinity => default;

    public static G1Affine Generator => new(Fq.One, Fq.FromUInt64(2));

    internal static Fq B => Fq.FromUInt64(3);

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;

    public static G1Affine operator -(in G1Affine p) => p.Negate();

    public static bool operator ==(in G1Affine a, in G1Affine b) => a.Equals(b);

    public static bool operator !=(in G1Affine a, in G1Affine b) => !a.Equals(b);

    public G1Affine Negate() => IsInfinity ? this : new G1Affine(X, -Y);

    public G1Jacobian ToJacobian() => IsInfinity ? G1Jacobian.Infinity : new G1Jacobian(X, Y, Fq.One);

    public G1Jacobian Multiply(in Fr scalar) => ToJacobian().Multiply(scalar);

    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => ToJacobian().Multiply(scalarLimbs);

    /// <summary>Decodes x || y (big-endian) with full validation: length, coordinates &lt; q, on the curve.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out G1Affine point, out string? error)
    {
        point = default;
        if (bytes.Length != ByteLength)
        {
            error = $"G1 point needs {ByteLength} bytes, got {bytes.Length}.";
            return false;
        }

        if (!Fq.TryFromBytesBigEndian(bytes[..32], out Fq x))
        {
            error = "G1 x coordinate is not below the field modulus q.";
            return false;
        }

        if (!Fq.TryFromBytesBigEndian(bytes[32..], out Fq y))
        {
            error = "G1 y coordinate is not below the field modulus q.";
            return false;
        }

        G1Affine candidate = new(x, y);
        if (!candidate.IsOnCurve)
        {
            error = "G1 point is not on the curve y² = x³ + 3.";
            return false;
        }

        point = candidate;
        error = null;
        return true;
    }

    public static bool TryRead(ReadOnlySpan<byte> bytes, out G1Affine point) => TryRead(bytes, out point, out _);

    /// <exception cref="ArgumentException">The encoding is invalid; the message says why.</exception>
    public static G1Affine FromBytes(ReadOnlySpan<byte> bytes) =>
        TryRead(bytes, out G1Affine point, out string? error) ? point : throw new ArgumentException(error, nameof(bytes));

    public void ToBytes(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException($"Destination needs {ByteLength} bytes, got {destination.Length}.", nameof(destination));
        }

        X.ToBytesBigEndian(destination[..32]);
        Y.ToBytesBigEndian(destination[32..64]);
    }

    public byte[] ToBytes()
    {
        byte[] result = new byte[ByteLength];
        ToBytes(result);
        return result;
    }

    public bool Equals(G1Affine other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is G1Affine other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "G1(infinity)" : $"G1({X}, {Y})";
}
