using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// Counts what a prover node serves and refuses, by JSON-RPC method: a request is served when the backend answers and
/// refused when it throws an <see cref="RpcException"/> (unauthorised, rate-limited, unavailable, bad parameters).
/// Wrap the node's backend in it before registering <see cref="ProverRpcModule"/>.
/// </summary>
public sealed class MeteredProverBackend : IProverBackend
{
    public const string EvaluateOprfMethod = "prover_evaluateOprf";
    public const string MatchPalmMethod = "prover_matchPalm";
    public const string VerifyHumanProofMethod = "prover_verifyHumanProof";
    public const string ProveMembershipMethod = "prover_proveMembership";

    private readonly IProverBackend _inner;
    private readonly LabeledCounter _served;
    private readonly LabeledCounter _refused;

    public MeteredProverBackend(IProverBackend inner, MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(registry);
        _inner = inner;
        _served = registry.Counter(MetricNames.ProverRequests, "prover_* requests served, by method.", "method");
        _refused = registry.Counter(MetricNames.ProverRefusals, "prover_* requests refused with a JSON-RPC error, by method.", "method");
    }

    public ProverInfo Info => _inner.Info;

    public ProverOprfResponse EvaluateOprf(ProverOprfRequest request) => Metered(EvaluateOprfMethod, request, _inner.EvaluateOprf);

    public ProverMatchResult MatchPalm(IReadOnlyList<Hash256> tags) => Metered(MatchPalmMethod, tags, _inner.MatchPalm);

    public ProverVerification VerifyHumanProof(HumanProof proof) => Metered(VerifyHumanProofMethod, proof, _inner.VerifyHumanProof);

    public ProverMembershipProof ProveMembership(ProverMembershipRequest request) => Metered(ProveMembershipMethod, request, _inner.ProveMembership);

    private TResult Metered<TArg, TResult>(string method, TArg argument, Func<TArg, TResult> call)
    {
        TResult result;
        try
        {
            result = call(argument);
        }
        catch (RpcException)
        {
            _refused.Increment(method);
            throw;
        }

        _served.Increment(method);
        return result;
    }
}
