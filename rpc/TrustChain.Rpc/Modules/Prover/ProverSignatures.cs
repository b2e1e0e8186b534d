using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>65-byte r‖s‖v signatures (v = 27 + recovery id, as ethers writes them) and EIP-191 personal-message hashing.</summary>
public static class ProverSignatures
{
    private static readonly byte[] PersonalPrefix = Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n32");

    public static byte[] ToBytes(in EcdsaSignature signature)
    {
        byte[] bytes = new byte[65];
        signature.R.ToBigEndian(bytes.AsSpan(0, 32));
        signature.S.ToBigEndian(bytes.AsSpan(32, 32));
        bytes[64] = (byte)(27 + signature.RecoveryId);
        return bytes;
    }

    /// <summary>The signer of <paramref name="hash"/>, or null for a malformed or non-recovering signature.</summary>
    public static Address? Recover(in Hash256 hash, ReadOnlySpan<byte> signature65)
    {
        if (signature65.Length != 65)
        {
            return null;
        }

        int v = signature65[64];
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is < 0 or > 1)
        {
            return null;
        }

        Span<byte> publicKey = stackalloc byte[64];
        return Secp256k1.TryRecoverPublicKey(hash.Bytes, signature65[..64], recoveryId, publicKey) ? Address.FromPublicKey(publicKey) : null;
    }

    /// <summary>keccak256("\x19Ethereum Signed Message:\n32" ‖ digest): what ethers' signMessage/verifyMessage use for a 32-byte message.</summary>
    public static Hash256 PersonalMessageHash(in Hash256 digest)
    {
        var hasher = new KeccakHasher();
        hasher.Update(PersonalPrefix);
        hasher.Update(digest.Bytes);
        return hasher.Finish();
    }
}
