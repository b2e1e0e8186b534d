namespace TrustChain.Rpc.Modules.Prover;

/// <summary>One answer: Z = k_i·B (64 bytes) and the 64-byte DLEQ proof c‖s that log_G(Y_i) = log_B(Z).</summary>
public sealed record ProverOprfEvaluation(byte[] Element, byte[] Proof);
