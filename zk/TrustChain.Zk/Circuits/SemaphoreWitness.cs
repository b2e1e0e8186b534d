using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Circuits;

/// <summary>A full witness for <see cref="SemaphoreCircuit"/> and the public signals it produces.</summary>
public sealed class SemaphoreWitness
{
    private readonly Fr[] _values;

    private SemaphoreWitness(Fr[] values, int publicCount)
    {
        _values = values;
        PublicSignals = values.AsSpan(1, publicCount).ToArray();
    }

    /// <summary>One value per wire; witness[0] = 1.</summary>
    public ReadOnlySpan<Fr> Values => _values;

    /// <summary>[merkleRoot, nullifier, message, scope].</summary>
    public IReadOnlyList<Fr> PublicSignals { get; }

    public Fr MerkleRoot => PublicSignals[0];

    public Fr Nullifier => PublicSignals[1];

    public Fr Message => PublicSignals[2];

    public Fr Scope => PublicSignals[3];

    public Fr[] ToArray() => [.. _values];

    public byte[] ToWtnsBytes() => WtnsFile.Write(_values);

    /// <summary>
    /// The witness for a member proving membership, as @semaphore-protocol/proof's generateProof prepares it: the
    /// message and scope are hashed (keccak256 → field), the LeanIMT siblings are padded with zeros to maxDepth.
    /// </summary>
    /// <exception cref="ArgumentException">The proof is not for this identity's commitment, or is deeper than maxDepth.</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxDepth is outside 1..32.</exception>
    public static SemaphoreWitness Compute(SemaphoreIdentity identity, LeanImtProof proof, BigInteger message, BigInteger scope, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(proof);
        SemaphoreCircuit circuit = new(maxDepth);
        if (proof.Leaf != identity.Commitment)
        {
            throw new ArgumentException("The Merkle proof's leaf is not this identity's commitment.", nameof(proof));
        }

        if (proof.Siblings.Count > maxDepth)
        {
            throw new ArgumentException($"The Merkle proof has {proof.Siblings.Count} levels, more than the circuit depth {maxDepth}.", nameof(proof));
        }

        Fr[] siblings = new Fr[maxDepth];
        for (int i = 0; i < proof.Siblings.Count; i++)
        {
            siblings[i] = proof.Siblings[i];
        }

        SemaphoreCircuitInput input = new(
            identity.SecretScalar,
            proof.Siblings.Count,
            proof.Index,
            siblings,
            SemaphoreHash.HashToField(message),
            SemaphoreHash.HashToField(scope));
        return FromInput(circuit, input);
    }

    /// <exception cref="ArgumentException">The input does not fit the circuit.</exception>
    public static SemaphoreWitness FromInput(SemaphoreCircuit circuit, SemaphoreCircuitInput input)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        R1csBuilder builder = circuit.Build(input);
        return new SemaphoreWitness(builder.Witness(), builder.PublicCount);
    }
}
