using System.Text.Json;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Prover;

/// <summary>The prover_* methods of one prover node over JSON-RPC (HTTP).</summary>
public sealed class ProverClient : IDisposable
{
    private readonly JsonRpcClient _rpc;

    public ProverClient(Uri endpoint, TimeSpan? timeout = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _rpc = new JsonRpcClient(endpoint, timeout ?? TimeSpan.FromSeconds(30));
    }

    public Uri Endpoint { get; }

    public async Task<ProverOprfResponse> EvaluateOprfAsync(ProverOprfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Dictionary<string, object> body = new()
        {
            ["expiry"] = "0x" + request.Expiry.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            ["elements"] = request.Elements.Select(e => Hex.ToHexString(e)).ToArray(),
            ["signature"] = Hex.ToHexString(request.Signature),
        };
        JsonElement result = await _rpc.CallAsync("prover_evaluateOprf", [body], cancellationToken).ConfigureAwait(false);
        JsonElement evaluations = result.GetProperty("evaluations");
        var list = new List<ProverOprfEvaluation>(evaluations.GetArrayLength());
        foreach (JsonElement evaluation in evaluations.EnumerateArray())
        {
            list.Add(new ProverOprfEvaluation(Hex.FromHexString(evaluation.GetProperty("element").GetString()!), Hex.FromHexString(evaluation.GetProperty("proof").GetString()!)));
        }

        return new ProverOprfResponse(result.GetProperty("member").GetInt32(), Address.Parse(result.GetProperty("operator").GetString()!), list);
    }

    public async Task<ProverMatchResult> MatchPalmAsync(IReadOnlyList<Hash256> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        JsonElement result = await _rpc.CallAsync("prover_matchPalm", [tags.Select(t => t.ToString()).ToArray()], cancellationToken).ConfigureAwait(false);
        bool found = result.GetProperty("found").GetBoolean();
        return new ProverMatchResult(
            RpcQuantity.ToUInt64(result.GetProperty("blockNumber"), "blockNumber"),
            found,
            found ? RpcQuantity.ToUInt64(result.GetProperty("humanIndex"), "humanIndex") : 0,
            result.GetProperty("matches").GetInt32(),
            result.GetProperty("dedupMatch").GetInt32());
    }

    public async Task<ProverVerification> VerifyHumanProofAsync(HumanProof proof, CancellationToken cancellationToken = default)
    {
        JsonElement result = await _rpc.CallAsync("prover_verifyHumanProof", [ProofObject(proof)], cancellationToken).ConfigureAwait(false);
        return new ProverVerification(
            RpcQuantity.ToUInt64(result.GetProperty("chainId"), "chainId"),
            RpcQuantity.ToUInt64(result.GetProperty("blockNumber"), "blockNumber"),
            Hash256.Parse(result.GetProperty("blockHash").GetString()!),
            proof,
            result.GetProperty("valid").GetBoolean(),
            result.GetProperty("reason").GetString(),
            Address.Parse(result.GetProperty("prover").GetString()!),
            Hex.FromHexString(result.GetProperty("signature").GetString()!));
    }

    public async Task<ProverMembershipProof> ProveMembershipAsync(ProverMembershipRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Dictionary<string, string> body = new()
        {
            ["identitySecret"] = Hex.ToHexString(request.IdentitySecret),
            ["message"] = request.Message.ToString(),
            ["scope"] = request.Scope.ToString(),
        };
        JsonElement result = await _rpc.CallAsync("prover_proveMembership", [body], cancellationToken).ConfigureAwait(false);
        UInt256[] points = result.GetProperty("points").EnumerateArray().Select(p => UInt256.Parse(p.GetString()!)).ToArray();
        HumanProof proof = new(Number(result, "depth"), Number(result, "root"), Number(result, "nullifier"), Number(result, "message"), Number(result, "scope"), points);
        return new ProverMembershipProof(Number(result, "commitment"), proof);
    }

    public void Dispose() => _rpc.Dispose();

    public static Dictionary<string, object> ProofObject(HumanProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new Dictionary<string, object>
        {
            ["depth"] = proof.Depth.ToString(),
            ["root"] = proof.Root.ToString(),
            ["nullifier"] = proof.Nullifier.ToString(),
            ["message"] = proof.Message.ToString(),
            ["scope"] = proof.Scope.ToString(),
            ["points"] = proof.Points.Select(p => p.ToString()).ToArray(),
        };
    }

    private static UInt256 Number(JsonElement result, string name) => UInt256.Parse(result.GetProperty(name).GetString()!);
}
