namespace TrustChain.Biometrics.Oprf;

/// <summary>Public record of one committee member: its share index and registered public share k_i·G (64 bytes).</summary>
public sealed record OprfCommitteeMember(int Index, byte[] PublicShare);
