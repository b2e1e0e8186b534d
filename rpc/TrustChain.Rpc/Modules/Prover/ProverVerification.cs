using System.Text;
using System.Text.Json;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// prover_verifyHumanProof's signed verdict. The prover signs, with its staked Prover account key, the EIP-191 personal
/// message of the 32-byte <see cref="Digest"/> =
/// keccak256(abi.encode(bytes32 keccak256("TrustChain/prover/verifyHumanProof/v1"), uint256 chainId, uint256 blockNumber,
/// bytes32 blockHash, uint256 depth, uint256 root, uint256 nullifier, uint256 message, uint256 scope, uint256[8] points,
/// bool valid)), so an app checks it with ethers:
/// <c>verifyMessage(getBytes(keccak256(AbiCoder.defaultAbiCoder().encode([...], [...]))), signature) == prover</c>.
/// blockNumber/blockHash name the head state the proof was checked against.
/// </summary>
public sealed record ProverVerification(ulong ChainId, ulong BlockNumber, Hash256 BlockHash, HumanProof Proof, bool Valid, string? Reason,
    Address Prover, byte[] Signature) : IRpcJsonWritable
{
    private static readonly Hash256 DomainTag = Keccak256.Compute(Encoding.ASCII.GetBytes("TrustChain/prover/verifyHumanProof/v1"));

    public Hash256 Digest => ComputeDigest(ChainId, BlockNumber, BlockHash, Proof, Valid);

    public static Hash256 ComputeDigest(ulong chainId, ulong blockNumber, in Hash256 blockHash, HumanProof proof, bool valid)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.Points.Count != 8)
        {
            throw new ArgumentException($"A Semaphore proof has 8 points, got {proof.Points.Count}.", nameof(proof));
        }

        byte[] encoded = new byte[32 * 19];
        DomainTag.Bytes.CopyTo(encoded);
        new UInt256(chainId).ToBigEndian(encoded.AsSpan(32, 32));
        new UInt256(blockNumber).ToBigEndian(encoded.AsSpan(64, 32));
        blockHash.Bytes.CopyTo(encoded.AsSpan(96, 32));
        proof.Depth.ToBigEndian(encoded.AsSpan(128, 32));
        proof.Root.ToBigEndian(encoded.AsSpan(160, 32));
        proof.Nullifier.ToBigEndian(encoded.AsSpan(192, 32));
        proof.Message.ToBigEndian(encoded.AsSpan(224, 32));
        proof.Scope.ToBigEndian(encoded.AsSpan(256, 32));
        for (int i = 0; i < 8; i++)
        {
            proof.Points[i].ToBigEndian(encoded.AsSpan(288 + (32 * i), 32));
        }

        encoded[^1] = valid ? (byte)1 : (byte)0;
        return Keccak256.Compute(encoded);
    }

    /// <summary>Whether <see cref="Signature"/> is <see cref="Prover"/>'s over this verdict (what an off-chain app checks).</summary>
    public bool IsSignedByProver() => ProverSignatures.Recover(ProverSignatures.PersonalMessageHash(Digest), Signature) == Prover;

    public void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("valid", Valid);
        if (Reason is null)
        {
            writer.WriteNull("reason");
        }
        else
        {
            writer.WriteString("reason", Reason);
        }

        writer.WriteString("chainId", RpcHex.EncodeQuantity(ChainId));
        writer.WriteString("blockNumber", RpcHex.EncodeQuantity(BlockNumber));
        writer.WriteString("blockHash", BlockHash.ToString());
        writer.WriteString("prover", Prover.ToString());
        writer.WriteString("digest", Digest.ToString());
        writer.WriteString("signature", RpcHex.EncodeBytes(Signature));
        writer.WriteEndObject();
    }
}
