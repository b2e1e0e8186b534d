namespace TrustChain.Biometrics.Oprf;

/// <summary>Output of the genesis dealer: the public committee record and one secret share per prover node.</summary>
public sealed record OprfDealing(OprfCommittee Committee, IReadOnlyList<OprfKeyShare> Shares);
