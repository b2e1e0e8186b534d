using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>A committee seat: share index (1-based), the prover account that serves it and its public share k_i·G (64 bytes X‖Y).</summary>
public sealed record GenesisProverCommitteeMember(int Index, Address Address, byte[] PublicShare);
