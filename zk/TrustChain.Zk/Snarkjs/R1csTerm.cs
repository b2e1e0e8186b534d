using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>coefficient · wire inside a linear combination.</summary>
public readonly record struct R1csTerm(int Wire, Fr Coefficient);
