using System.Buffers.Binary;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// The Ethereum alt_bn128 precompiles with their exact input rules: ecAdd (0x06) and ecMul (0x07) from EIP-196,
/// ecPairing (0x08) from EIP-197. Gas is the caller's business.
/// </summary>
public static class Bn254Precompiles
{
    private const int AddInputLength = 2 * G1Affine.ByteLength;
    private const int MulInputLength = G1Affine.ByteLength + 32;
    private const int PairLength = G1Affine.ByteLength + G2Affine.ByteLength;

    /// <summary>ecAdd: input is right-padded with zeros (or truncated) to 128 bytes; returns the 64-byte sum.</summary>
    /// <exception cref="Bn254PrecompileException">A coordinate is ≥ q or a point is not on the curve.</exception>
    public static byte[] Add(ReadOnlySpan<byte> input)
    {
        Span<byte> buffer = stackalloc byte[AddInputLength];
        PadOrTruncate(input, buffer);
        G1Affine a = ReadG1(buffer[..64], "first");
        G1Affine b = ReadG1(buffer[64..], "second");
        return a.ToJacobian().AddMixed(b).ToAffine().ToBytes();
    }

    /// <summary>
    /// ecMul: input is right-padded with zeros (or truncated) to 96 bytes, a point and a 256-bit big-endian scalar
    /// that is used as is (not required to be below r); returns the 64-byte product.
    /// </summary>
    /// <exception cref="Bn254PrecompileException">A coordinate is ≥ q or the point is not on the curve.</exception>
    public static byte[] Mul(ReadOnlySpan<byte> input)
    {
        Span<byte> buffer = stackalloc byte[MulInputLength];
        PadOrTruncate(input, buffer);
        G1Affine p = ReadG1(buffer[..64], "input");
        ReadOnlySpan<byte> s = buffer[64..];
        Span<ulong> scalar =
        [
            BinaryPrimitives.ReadUInt64BigEndian(s[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(s[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(s[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(s),
        ];
        return p.Multiply(scalar).ToAffine().ToBytes();
    }

    /// <summary>
    /// ecPairing: k pairs of (G1 64 bytes, G2 128 bytes with imaginary parts first); returns 32 bytes holding 1 when
    /// ∏ e(P_i, Q_i) = 1 (including k = 0) and 0 otherwise.
    /// </summary>
    /// <exception cref="Bn254PrecompileException">
    /// The length is not a multiple of 192, a coordinate is ≥ q, a point is off its curve, or a G2 point is outside
    /// the order-r subgroup.
    /// </exception>
    public static byte[] Pairing(ReadOnlySpan<byte> input)
    {
        if (input.Length % PairLength != 0)
        {
            throw new Bn254PrecompileException($"Pairing input length {input.Length} is not a multiple of {PairLength}.");
        }

        int k = input.Length / PairLength;
        G1Affine[] g1 = new G1Affine[k];
        G2Affine[] g2 = new G2Affine[k];
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<byte> pair = input.Slice(i * PairLength, PairLength);
            g1[i] = ReadG1(pair[..G1Affine.ByteLength], $"pair {i}");
            if (!G2Affine.TryRead(pair[G1Affine.ByteLength..], out g2[i], out string? error))
            {
                throw new Bn254PrecompileException($"Invalid G2 point in pair {i}: {error}");
            }
        }

        byte[] output = new byte[32];
        if (Bn254.Pairing.PairingCheck(g1, g2))
        {
            output[31] = 1;
        }

        return output;
    }

    private static G1Affine ReadG1(ReadOnlySpan<byte> bytes, string which) =>
        G1Affine.TryRead(bytes, out G1Affine point, out string? error)
            ? point
            : throw new Bn254PrecompileException($"Invalid G1 point ({which}): {error}");

    private static void PadOrTruncate(ReadOnlySpan<byte> input, Span<byte> destination)
    {
        destination.Clear();
        input[..Math.Min(input.Length, destination.Length)].CopyTo(destination);
    }
}
