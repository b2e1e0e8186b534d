using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// Semaphore v4's packed <c>uint256[8] points</c>: [a0, a1, b01, b00, b11, b10, c0, c1], the order of its Solidity
/// verifier and of @zk-kit/utils packGroth16Proof (G2 coordinates imaginary part first, as the EVM pairing expects).
/// </summary>
public static class SemaphoreProof
{
    public const int PointCount = 8;

    /// <summary>Size of the ABI encoding: eight 32-byte big-endian words.</summary>
    public const int ByteLength = PointCount * 32;

    /// <exception cref="ZkFormatException">Not 8 values, a value ≥ q, or a point off its curve / outside G2's subgroup.</exception>
    public static Groth16Proof Unpack(IReadOnlyList<BigInteger> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count != PointCount)
        {
            throw new ZkFormatException($"Semaphore packed proof needs {PointCount} values, got {points.Count}.");
        }

        Fq[] v = new Fq[PointCount];
        for (int i = 0; i < PointCount; i++)
        {
            if (points[i].Sign < 0 || points[i] >= Fq.Modulus)
            {
                throw new ZkFormatException($"Semaphore packed proof value {i} is not in [0, q).");
            }

            v[i] = Fq.FromBigInteger(points[i]);
        }

        return Build(v);
    }

    /// <summary>Unpacks the ABI encoding (8 × 32 bytes big-endian).</summary>
    /// <exception cref="ZkFormatException">Wrong length, a value ≥ q, or an invalid point.</exception>
    public static Groth16Proof Unpack(ReadOnlySpan<byte> abiEncoded)
    {
        if (abiEncoded.Length != ByteLength)
        {
            throw new ZkFormatException($"Semaphore packed proof needs {ByteLength} bytes, got {abiEncoded.Length}.");
        }

        Fq[] v = new Fq[PointCount];
        for (int i = 0; i < PointCount; i++)
        {
            if (!Fq.TryFromBytesBigEndian(abiEncoded.Slice(i * 32, 32), out v[i]))
            {
                throw new ZkFormatException($"Semaphore packed proof value {i} is not below q.");
            }
        }

        return Build(v);
    }

    public static BigInteger[] Pack(Groth16Proof proof)
    {
        Fq[] v = Flatten(proof);
        BigInteger[] result = new BigInteger[PointCount];
        for (int i = 0; i < PointCount; i++)
        {
            result[i] = v[i].ToBigInteger();
        }

        return result;
    }

    public static byte[] PackToBytes(Groth16Proof proof)
    {
        Fq[] v = Flatten(proof);
        byte[] result = new byte[ByteLength];
        for (int i = 0; i < PointCount; i++)
        {
            v[i].ToBytesBigEndian(result.AsSpan(i * 32, 32));
        }

        return result;
    }

    private static Fq[] Flatten(Groth16Proof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return [proof.A.X, proof.A.Y, proof.B.X.C1, proof.B.X.C0, proof.B.Y.C1, proof.B.Y.C0, proof.C.X, proof.C.Y];
    }

    private static Groth16Proof Build(Fq[] v)
    {
        G1Affine a = new(v[0], v[1]);
        G2Affine b = new(new Fq2(v[3], v[2]), new Fq2(v[5], v[4]));
        G1Affine c = new(v[6], v[7]);
        if (!a.IsOnCurve)
        {
            throw new ZkFormatException("Semaphore packed proof point A is not on the G1 curve.");
        }

        if (!b.IsOnCurve || !b.IsInSubgroup)
        {
            throw new ZkFormatException("Semaphore packed proof point B is not a valid G2 point.");
        }

        if (!c.IsOnCurve)
        {
            throw new ZkFormatException("Semaphore packed proof point C is not on the G1 curve.");
        }

        return new Groth16Proof(a, b, c);
    }
}
