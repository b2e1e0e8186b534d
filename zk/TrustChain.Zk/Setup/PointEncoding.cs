using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Setup;

/// <summary>
/// The point encodings of snarkjs binary files and hashes: LEM (little-endian Montgomery x, y; infinity = zeros)
/// inside .zkey/.ptau, and uncompressed big-endian (G2: c1 before c0) for hashing.
/// </summary>
public static class PointEncoding
{
    public const int G1Size = 64;
    public const int G2Size = 128;

    public static void WriteG1Lem(Span<byte> destination, in G1Affine p)
    {
        if (p.IsInfinity)
        {
            destination[..G1Size].Clear();
            return;
        }

        p.X.ToMontgomeryLimbs(destination[..32]);
        p.Y.ToMontgomeryLimbs(destination.Slice(32, 32));
    }

    public static void WriteG2Lem(Span<byte> destination, in G2Affine p)
    {
        if (p.IsInfinity)
        {
            destination[..G2Size].Clear();
            return;
        }

        p.X.C0.ToMontgomeryLimbs(destination[..32]);
        p.X.C1.ToMontgomeryLimbs(destination.Slice(32, 32));
        p.Y.C0.ToMontgomeryLimbs(destination.Slice(64, 32));
        p.Y.C1.ToMontgomeryLimbs(destination.Slice(96, 32));
    }

    /// <summary>
    /// Uncompressed big-endian x ‖ y. Infinity is all zeros when <paramref name="flagInfinity"/> is false (the wasm
    /// batch converter used for the circuit hash) and 0x40-flagged (the JavaScript toRprUncompressed used for the transcript).
    /// </summary>
    public static void WriteG1Uncompressed(Span<byte> destination, in G1Affine p, bool flagInfinity)
    {
        destination[..G1Size].Clear();
        if (p.IsInfinity)
        {
            if (flagInfinity)
            {
                destination[0] = 0x40;
            }

            return;
        }

        p.X.ToBytesBigEndian(destination[..32]);
        p.Y.ToBytesBigEndian(destination.Slice(32, 32));
    }

    public static void WriteG2Uncompressed(Span<byte> destination, in G2Affine p, bool flagInfinity)
    {
        destination[..G2Size].Clear();
        if (p.IsInfinity)
        {
            if (flagInfinity)
            {
                destination[0] = 0x40;
            }

            return;
        }

        p.X.C1.ToBytesBigEndian(destination[..32]);
        p.X.C0.ToBytesBigEndian(destination.Slice(32, 32));
        p.Y.C1.ToBytesBigEndian(destination.Slice(64, 32));
        p.Y.C0.ToBytesBigEndian(destination.Slice(96, 32));
    }

    public static byte[] G1Uncompressed(in G1Affine p, bool flagInfinity)
    {
        byte[] b = new byte[G1Size];
        WriteG1Uncompressed(b, p, flagInfinity);
        return b;
    }

    public static byte[] G2Uncompressed(in G2Affine p, bool flagInfinity)
    {
        byte[] b = new byte[G2Size];
        WriteG2Uncompressed(b, p, flagInfinity);
        return b;
    }
}
