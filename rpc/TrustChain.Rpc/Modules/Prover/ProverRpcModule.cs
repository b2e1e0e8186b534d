using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Prover;

/// <summary>
/// prover_info, prover_evaluateOprf, prover_matchPalm, prover_verifyHumanProof and prover_proveMembership, served by a
/// node started with --prover. Each takes one argument (an object, or the tag array for matchPalm).
/// </summary>
public sealed class ProverRpcModule : IRpcModule
{
    private readonly IProverBackend _backend;

    public ProverRpcModule(IProverBackend backend)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register("prover_info", (p, _, _) =>
        {
            p.EnsureCountAtMost(0);
            return ValueTask.FromResult<object?>(_backend.Info);
        });
        registry.Register("prover_evaluateOprf", (p, _, _) =>
        {
            p.EnsureCountAtMost(1);
            return ValueTask.FromResult<object?>(_backend.EvaluateOprf(ProverJson.ReadOprfRequest(p.GetRequired(0), 0)));
        });
        registry.Register("prover_matchPalm", (p, _, _) =>
        {
            p.EnsureCountAtMost(1);
            return ValueTask.FromResult<object?>(_backend.MatchPalm(ProverJson.ReadTags(p.GetRequired(0), 0)));
        });
        registry.Register("prover_verifyHumanProof", (p, _, _) =>
        {
            p.EnsureCountAtMost(1);
            return ValueTask.FromResult<object?>(_backend.VerifyHumanProof(ProverJson.ReadProof(p.GetRequired(0), 0)));
        });
        registry.Register("prover_proveMembership", async (p, _, cancellationToken) =>
        {
            p.EnsureCountAtMost(1);
            ProverMembershipRequest request = ProverJson.ReadMembershipRequest(p.GetRequired(0), 0);
            // Groth16 proving takes seconds: keep it off the request thread.
            return await Task.Run(() => _backend.ProveMembership(request), cancellationToken).ConfigureAwait(false);
        });
    }
}
