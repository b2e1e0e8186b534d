using System.Numerics;
using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The messages an identity key signs (EdDSA-Poseidon, @semaphore-protocol/identity <c>signMessage</c>) to authorise
/// actions on its own human. Each is keccak256(abi.encodePacked(uint256 chainId, string action, uint256...)) &gt;&gt; 8,
/// so it is below the BN254 scalar field and enters the signature's Poseidon challenge unreduced; in ethers:
/// <c>BigInt(solidityPackedKeccak256(["uint256","string","uint256"], [chainId, "delete", commitment])) &gt;&gt; 8n</c>.
/// The chain id keeps a signature from being replayed on another network.
/// </summary>
public static class HumanIdentityMessages
{
    public const string DeleteAction = "delete";
    public const string CancelRecoveryAction = "cancelRecovery";

    /// <summary>Authorises deleteIdentity(commitment): (chainId, "delete", commitment).</summary>
    public static BigInteger Delete(ulong chainId, in UInt256 commitment) => Hash(chainId, DeleteAction, [commitment]);

    /// <summary>
    /// Authorises cancelRecovery of the human now holding <paramref name="oldCommitment"/>:
    /// (chainId, "cancelRecovery", oldCommitment, newCommitment), bound to the one replacement being cancelled.
    /// </summary>
    public static BigInteger CancelRecovery(ulong chainId, in UInt256 oldCommitment, in UInt256 newCommitment) =>
        Hash(chainId, CancelRecoveryAction, [oldCommitment, newCommitment]);

    private static BigInteger Hash(ulong chainId, string action, ReadOnlySpan<UInt256> words)
    {
        int actionLength = Encoding.UTF8.GetByteCount(action);
        byte[] packed = new byte[32 + actionLength + 32 * words.Length];
        new UInt256(chainId).ToBigEndian(packed.AsSpan(0, 32));
        Encoding.UTF8.GetBytes(action, packed.AsSpan(32, actionLength));
        for (int i = 0; i < words.Length; i++)
        {
            words[i].ToBigEndian(packed.AsSpan(32 + actionLength + 32 * i, 32));
        }

        Hash256 digest = Keccak256.Compute(packed);
        return new BigInteger(digest.Bytes[..31], isUnsigned: true, isBigEndian: true);
    }
}
