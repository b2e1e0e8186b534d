using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Circuits;

/// <summary>
/// The Semaphore v4 circuit's signals: private secret, merkleProofLength, merkleProofIndex, merkleProofSiblings
/// (padded with zeros to the circuit depth); public message and scope, already hashed to the field.
/// </summary>
public sealed record SemaphoreCircuitInput(
    Fr Secret,
    int MerkleProofLength,
    ulong MerkleProofIndex,
    IReadOnlyList<Fr> MerkleProofSiblings,
    Fr Message,
    Fr Scope);
