using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Snarkjs;

/// <summary>One entry of a .zkey's QAP coefficient section: matrix (0 = A, 1 = B), constraint row, signal, value.</summary>
public readonly record struct ZkeyCoefficient(int Matrix, int Constraint, int Signal, Fr Value);
