using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>The state-independent part of a verifyHuman check: the circuit depth, the unpacked proof and its public signals.</summary>
public static class HumanProofInputs
{
    /// <summary>False (nothing to verify) for a wrong point count, depth, out-of-field signal or malformed point.</summary>
    public static bool TryPrepare(HumanProof proof, out int depth, out Groth16Proof? groth16, out Fr[] signals)
    {
        ArgumentNullException.ThrowIfNull(proof);
        depth = 0;
        groth16 = null;
        signals = [];
        if (proof.Points.Count != SemaphoreProof.PointCount
            || !proof.Depth.IsUInt64 || proof.Depth.U0 < HumanVerificationKeys.MinDepth || proof.Depth.U0 > HumanVerificationKeys.MaxDepth
            || !FieldWords.TryToFr(proof.Root, out Fr root) || !FieldWords.TryToFr(proof.Nullifier, out Fr nullifier))
        {
            return false;
        }

        Span<byte> packed = stackalloc byte[SemaphoreProof.ByteLength];
        for (int i = 0; i < SemaphoreProof.PointCount; i++)
        {
            proof.Points[i].ToBigEndian(packed.Slice(i * 32, 32));
        }

        try
        {
            groth16 = SemaphoreProof.Unpack(packed);
        }
        catch (ZkFormatException)
        {
            return false;
        }

        depth = (int)proof.Depth.U0;
        signals = [root, nullifier, SemaphoreHash.HashToField((BigInteger)proof.Message), SemaphoreHash.HashToField((BigInteger)proof.Scope)];
        return true;
    }
}
