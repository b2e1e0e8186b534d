namespace TrustChain.Biometrics.Oprf;

/// <summary>A member's answer: Z_i = k_i·B for the blinded element B, with a DLEQ proof against its public share.</summary>
public sealed record OprfEvaluation(int MemberIndex, byte[] Element, DleqProof Proof);
