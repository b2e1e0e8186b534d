using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The arguments of verifyHuman / isValidHumanProof: a Semaphore v4 proof in the packed <c>uint256[8]</c> order
/// [a0, a1, b01, b00, b11, b10, c0, c1], for a tree of depth 1..32 whose root the registry knows. Message and scope
/// are the raw values; the circuit's public signals carry keccak256(32-byte value) &gt;&gt; 8 of each.
/// </summary>
public sealed record HumanProof(UInt256 Depth, UInt256 Root, UInt256 Nullifier, UInt256 Message, UInt256 Scope, IReadOnlyList<UInt256> Points);
