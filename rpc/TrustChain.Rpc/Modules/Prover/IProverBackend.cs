using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// What a prover node does behind the prover_* methods. The node implements it (TrustChain.Node.Prover) with its OPRF
/// key share, its prover account key and the chain's head state; this module only parses and shapes JSON. A refusal
/// is an <see cref="JsonRpc.RpcException"/> with a <see cref="ProverErrorCodes"/> code.
/// </summary>
public interface IProverBackend
{
    /// <summary>The committee index, threshold and public share of this node's OPRF share, and its prover account.</summary>
    ProverInfo Info { get; }

    ProverOprfResponse EvaluateOprf(ProverOprfRequest request);

    ProverMatchResult MatchPalm(IReadOnlyList<Hash256> tags);

    ProverVerification VerifyHumanProof(HumanProof proof);

    ProverMembershipProof ProveMembership(ProverMembershipRequest request);
}
