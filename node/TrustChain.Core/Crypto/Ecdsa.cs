namespace TrustChain.Core.Crypto;

/// <summary>Ethereum-flavoured ECDSA helpers on top of <see cref="Secp256k1"/>.</summary>
public static class Ecdsa
{
    /// <summary>
    /// Recovers the signer address. Requires 1 ≤ r, s &lt; n and recovery id 0..3; does not require low-s
    /// (callers enforcing EIP-2 check <see cref="EcdsaSignature.IsLowS"/>). Null when recovery fails.
    /// </summary>
    public static Address? EcRecover(in Hash256 message, in EcdsaSignature signature)
    {
        if (!signature.HasValidRS || signature.RecoveryId > 3)
        {
            return null;
        }

        Span<byte> compact = stackalloc byte[64];
        signature.WriteCompact(compact);
        Span<byte> publicKey = stackalloc byte[64];
        if (!Secp256k1.TryRecoverPublicKey(message.Bytes, compact, signature.RecoveryId, publicKey))
        {
            return null;
        }

        return Address.FromPublicKey(publicKey);
    }

    public static EcdsaSignature Sign(in Hash256 message, ReadOnlySpan<byte> privateKey32)
    {
        Span<byte> compact = stackalloc byte[64];
        if (!Secp256k1.TrySign(message.Bytes, privateKey32, compact, out int recoveryId))
        {
            throw new ArgumentException("Signing failed: the private key is invalid.", nameof(privateKey32));
        }

        return new EcdsaSignature(new UInt256(compact[..32]), new UInt256(compact[32..]), (byte)recoveryId);
    }
}
