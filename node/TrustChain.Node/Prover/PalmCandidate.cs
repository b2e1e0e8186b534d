using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Core;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Prover;

/// <summary>
/// A scanned person ready to enrol: the identity secret and helper data (for the person only), the identity
/// commitment and OPRF dedup tags (what goes on chain) and the provers' dedup pre-check.
/// </summary>
public sealed record PalmCandidate(byte[] IdentitySecret, FuzzyHelperData Helper, UInt256 Commitment, IReadOnlyList<Hash256> Tags, ProverMatchResult Match);
