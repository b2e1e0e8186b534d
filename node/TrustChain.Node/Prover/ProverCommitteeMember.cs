using TrustChain.Core;

namespace TrustChain.Node.Prover;

/// <summary>A committee seat: share index, registered public share k_i·G (64 bytes), the prover's staked account and its RPC URL when known.</summary>
public sealed record ProverCommitteeMember(int Index, byte[] PublicShare, Address? Prover, string? Url);
