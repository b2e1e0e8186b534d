namespace TrustChain.Chain.Specs;

/// <summary>
/// genesis.json proverCommittee: the public side of the palm OPRF key dealt at genesis (`trustchain prover keygen`).
/// Member i (1-based, file order) holds the Shamir share k_i with <see cref="GenesisProverCommitteeMember.PublicShare"/>
/// = k_i·G; scanners check each prover's DLEQ proof against it. Endpoints are not consensus data and are not here.
/// </summary>
public sealed record GenesisProverCommittee(int Threshold, byte[] PublicKey, IReadOnlyList<GenesisProverCommitteeMember> Members);
