using System.Numerics;
using TrustChain.Zk.BabyJubJub;

namespace TrustChain.Zk.Semaphore;

/// <summary>An EdDSA-Poseidon signature (R8, S) as @zk-kit/eddsa-poseidon produces it.</summary>
public sealed class EdDsaPoseidonSignature : IEquatable<EdDsaPoseidonSignature>
{
    public const int PackedLength = 64;

    public EdDsaPoseidonSignature(BabyJubJubPoint r8, BigInteger s)
    {
        if (s.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(s), "S must be non-negative.");
        }

        R8 = r8;
        S = s;
    }

    public BabyJubJubPoint R8 { get; }

    public BigInteger S { get; }

    /// <summary>zk-kit's packSignature: packed R8 (32 bytes little-endian) followed by S (32 bytes little-endian).</summary>
    /// <exception cref="InvalidOperationException">R8 is not on the curve or S ≥ l (zk-kit refuses to pack those too).</exception>
    public byte[] Pack()
    {
        if (!R8.InCurve() || S >= BabyJubJubPoint.SubOrder)
        {
            throw new InvalidOperationException("Invalid signature: R8 must be on the curve and S below the subgroup order.");
        }

        byte[] packed = new byte[PackedLength];
        R8.Pack(packed.AsSpan(0, 32));
        S.TryWriteBytes(packed.AsSpan(32, 32), out _, isUnsigned: true, isBigEndian: false);
        return packed;
    }

    /// <summary>zk-kit's unpackSignature.</summary>
    /// <exception cref="FormatException">Wrong length or R8 is not a curve point.</exception>
    public static EdDsaPoseidonSignature Unpack(ReadOnlySpan<byte> packed)
    {
        if (packed.Length != PackedLength)
        {
            throw new FormatException($"A packed signature must be {PackedLength} bytes, got {packed.Length}.");
        }

        if (!BabyJubJubPoint.TryUnpack(packed[..32], out BabyJubJubPoint r8))
        {
            throw new FormatException("The packed signature's R8 is not a Baby Jubjub point.");
        }

        return new EdDsaPoseidonSignature(r8, new BigInteger(packed[32..], isUnsigned: true, isBigEndian: false));
    }

    public bool Equals(EdDsaPoseidonSignature? other) => other is not null && R8 == other.R8 && S == other.S;

    public override bool Equals(object? obj) => Equals(obj as EdDsaPoseidonSignature);

    public override int GetHashCode() => HashCode.Combine(R8, S);
}
