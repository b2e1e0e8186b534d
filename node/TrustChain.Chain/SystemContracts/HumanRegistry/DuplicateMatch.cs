namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The existing human sharing the most dedup tags with a candidate enrolment (ties go to the lower index), and how many
/// tags it shares. It is a duplicate when <see cref="Matches"/> reaches the chain's dedupMatch.
/// </summary>
public readonly record struct DuplicateMatch(ulong HumanIndex, int Matches);
