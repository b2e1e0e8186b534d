namespace TrustChain.Core.Crypto;

/// <summary>An ECDSA signature (r, s) with its recovery id (0/1; 2/3 only for r ≥ n - p, practically never).</summary>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    /// <summary>Order n of the secp256k1 group.</summary>
    public static readonly UInt256 CurveOrder = UInt256.Parse("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    /// <summary>n / 2, the largest s allowed by EIP-2.</summary>
    public static readonly UInt256 HalfCurveOrder = UInt256.Parse("0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    public EcdsaSignature(in UInt256 r, in UInt256 s, byte recoveryId)
    {
        R = r;
        S = s;
        RecoveryId = recoveryId;
    }

    public UInt256 R { get; }

    public UInt256 S { get; }

    public byte RecoveryId { get; }

    /// <summary>EIP-2: s ≤ n/2.</summary>
    public bool IsLowS => S <= HalfCurveOrder;

    /// <summary>1 ≤ r, s &lt; n (what ecrecover requires; says nothing about low-s).</summary>
    public bool HasValidRS => !R.IsZero && !S.IsZero && R < CurveOrder && S < CurveOrder;

    /// <summary>Ethereum "v" for pre-EIP-155 messages (27/28).</summary>
    public byte V => (byte)(27 + RecoveryId);

    public static bool IsLowSValue(in UInt256 s) => s <= HalfCurveOrder;

    /// <summary>Reads r(32) || s(32) || v(1) where v is 0/1 or 27/28.</summary>
    public static EcdsaSignature FromBytes65(ReadOnlySpan<byte> bytes65)
    {
        if (bytes65.Length != 65)
        {
            throw new ArgumentException($"Signature must be 65 bytes, got {bytes65.Length}.", nameof(bytes65));
        }

        byte v = bytes65[64];
        byte recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => (byte)(v - 27),
            _ => throw new FormatException($"Signature v must be 0, 1, 27 or 28, got {v}."),
        };
        return new EcdsaSignature(new UInt256(bytes65[..32]), new UInt256(bytes65[32..64]), recoveryId);
    }

    /// <summary>r(32) || s(32) || recoveryId(1, i.e. 0/1).</summary>
    public byte[] ToBytes65()
    {
        byte[] bytes = new byte[65];
        WriteCompact(bytes);
        bytes[64] = RecoveryId;
        return bytes;
    }

    /// <summary>r(32) || s(32).</summary>
    public void WriteCompact(Span<byte> destination64)
    {
        R.ToBigEndian(destination64[..32]);
        S.ToBigEndian(destination64[32..64]);
    }

    /// <summary>Recovers the signer; null if the signature does not recover to a point.</summary>
    public Address? RecoverAddress(in Hash256 message) => Ecdsa.EcRecover(message, this);

    public bool Equals(EcdsaSignature other) => R == other.R && S == other.S && RecoveryId == other.RecoveryId;

    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(R, S, RecoveryId);

    public static bool operator ==(EcdsaSignature a, EcdsaSignature b) => a.Equals(b);

    public static bool operator !=(EcdsaSignature a, EcdsaSignature b) => !a.Equals(b);

    public override string ToString() => Hex.ToHexString(ToBytes65());
}
