namespace TrustChain.Zk.Snarkjs;

/// <summary>One rank-1 constraint ⟨A, w⟩ · ⟨B, w⟩ = ⟨C, w⟩.</summary>
public sealed record R1csConstraint(R1csTerm[] A, R1csTerm[] B, R1csTerm[] C);
