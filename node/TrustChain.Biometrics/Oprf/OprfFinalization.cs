using TrustChain.Core;

namespace TrustChain.Biometrics.Oprf;

/// <summary>The tag, plus the members whose evaluations failed their DLEQ proof (or were unknown / duplicated) and were ignored.</summary>
public sealed record OprfFinalization(Hash256 Tag, IReadOnlyList<int> RejectedMembers);
