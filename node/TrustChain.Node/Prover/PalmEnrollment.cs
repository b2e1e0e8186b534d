using TrustChain.Core;

namespace TrustChain.Node.Prover;

/// <summary>An enrolment committed on chain: the candidate, its human index and the transaction.</summary>
public sealed record PalmEnrollment(PalmCandidate Candidate, ulong HumanIndex, Hash256 Transaction, ulong BlockNumber);
