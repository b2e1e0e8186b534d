using TrustChain.Core;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// prover_proveMembership: the identity's private key (the fuzzy extractor's 32-byte secret), message and scope.
/// Delegated proving hands the prover the identity secret: that prover can then make any proof for the identity
/// (in any scope, before the owner does) and delete it; use only a prover you trust, or prove locally.
/// </summary>
public sealed record ProverMembershipRequest(byte[] IdentitySecret, UInt256 Message, UInt256 Scope);
