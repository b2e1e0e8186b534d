using System.Text.Json;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Prover;
using TrustChain.Node.Tx;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Tests.Prover;

/// <summary>prover_evaluateOprf's gate: only fresh requests signed by an active EnrollmentOperator, once, within the operator's rate.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ProverAuthTests
{
    private ProverNetwork _network = null!;
    private JsonRpcClient _prover = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _network = await ProverNetwork.StartAsync(new ProverOptions());
        _prover = new JsonRpcClient(_network.ProverUris[0]);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _prover?.Dispose();
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task A_signed_request_of_the_staked_operator_gets_proven_evaluations()
    {
        OprfBlindedInput blinded = OprfClient.Blind(new BandInput(3, 8, 0xA5));
        ProverOprfRequest request = Request(ProverNetwork.Operator, Now() + 60, blinded.BlindedElement);
        JsonElement result = await _prover.CallAsync("prover_evaluateOprf", [Body(request)]);
        Assert.That(result.GetProperty("member").GetInt32(), Is.EqualTo(1));
        Assert.That(Address.Parse(result.GetProperty("operator").GetString()!), Is.EqualTo(ProverNetwork.Operator.Address));
        JsonElement evaluation = result.GetProperty("evaluations")[0];
        DleqProof proof = DleqProof.FromBytes(Hex.FromHexString(evaluation.GetProperty("proof").GetString()!));
        Assert.That(proof.Verify(_network.Committee.Members[0].PublicShare, blinded.BlindedElement, Hex.FromHexString(evaluation.GetProperty("element").GetString()!)), Is.True);
    }

    [Test]
    public void An_unsigned_request_is_refused()
    {
        Dictionary<string, object> body = Body(Request(ProverNetwork.Operator, Now() + 60, Element()));
        body.Remove("signature");
        AssertRefused(body, ProverErrorCodes.Unauthorized, "unsigned request");
    }

    [Test]
    public void A_request_signed_by_an_unstaked_account_is_refused()
    {
        PrivateKey stranger = DevAccounts.Get(ProverNetwork.UnstakedAccount);
        AssertRefused(Body(Request(stranger, Now() + 60, Element())), ProverErrorCodes.Unauthorized,
            $"{stranger.Address} is not an active EnrollmentOperator");
    }

    [Test]
    public void A_tampered_request_recovers_a_different_signer_and_is_refused()
    {
        ProverOprfRequest signed = Request(ProverNetwork.Operator, Now() + 60, Element());
        ProverOprfRequest tampered = signed with { Elements = [Element()] };
        AssertRefused(Body(tampered), ProverErrorCodes.Unauthorized, "not an active EnrollmentOperator");
    }

    [Test]
    public void Expired_and_far_future_requests_are_refused()
    {
        AssertRefused(Body(Request(ProverNetwork.Operator, Now() - 1, Element())), ProverErrorCodes.Unauthorized, "request expired");
        AssertRefused(Body(Request(ProverNetwork.Operator, Now() + 3600, Element())), ProverErrorCodes.Unauthorized, "more than 600 s ahead");
    }

    [Test]
    public async Task A_replayed_request_is_refused()
    {
        Dictionary<string, object> body = Body(Request(ProverNetwork.Operator, Now() + 60, Element()));
        await _prover.CallAsync("prover_evaluateOprf", [body]);
        AssertRefused(body, ProverErrorCodes.Unauthorized, "replay");
    }

    [Test]
    public void A_point_off_the_curve_is_invalid_params()
    {
        byte[] notAPoint = new byte[64];
        notAPoint[63] = 7;
        AssertRefused(Body(Request(ProverNetwork.Operator, Now() + 60, notAPoint)), RpcErrorCodes.InvalidParams, "not a secp256k1 point");
    }

    [Test]
    public void The_rate_limit_holds_per_operator_and_refills_with_time()
    {
        ManualClock clock = new();
        ProverService limited = _network.CreateService(_network.Dealing.Shares[1], _network.Committee, ProverNetwork.ProverKey(1),
            new ProverOptions { RatePerSecond = 10, Burst = 64 }, clock);
        byte[][] band64 = Enumerable.Range(0, 64).Select(_ => Element()).ToArray();
        ulong now = (ulong)clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.That(limited.EvaluateOprf(ProverOprfRequest.Create(ProverNetwork.Operator, _network.Spec.ChainId, now + 60, band64)).Evaluations, Has.Count.EqualTo(64));

        ProverOprfRequest over = ProverOprfRequest.Create(ProverNetwork.Operator, _network.Spec.ChainId, now + 61, [Element()]);
        RpcException? refused = Assert.Throws<RpcException>(() => limited.EvaluateOprf(over));
        Assert.That(refused!.Code, Is.EqualTo(ProverErrorCodes.RateLimited));
        Assert.That(refused.Message, Does.Contain("rate limit exceeded").And.Contain("retry in 1 s"));

        // A refused request is not spent: the same signed request is served once tokens have refilled.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(limited.EvaluateOprf(over).Evaluations, Has.Count.EqualTo(1));
        Assert.That(limited.EvaluateOprf(ProverOprfRequest.Create(ProverNetwork.Operator, _network.Spec.ChainId, now + 62, band64[..9])).Evaluations, Has.Count.EqualTo(9));
        Assert.Throws<RpcException>(() => limited.EvaluateOprf(ProverOprfRequest.Create(ProverNetwork.Operator, _network.Spec.ChainId, now + 63, [Element()])));
    }

    [Test]
    public async Task Match_palm_on_an_empty_set_finds_nobody_and_rejects_bad_tag_lists()
    {
        JsonElement result = await _prover.CallAsync("prover_matchPalm", [new[] { Hash256.Zero.ToString() }]);
        Assert.That(result.GetProperty("found").GetBoolean(), Is.False);
        Assert.That(result.GetProperty("duplicate").GetBoolean(), Is.False);
        Assert.That(result.GetProperty("dedupMatch").GetInt32(), Is.EqualTo(_network.Spec.Parameters.DedupMatch));
        JsonRpcClientException? error = Assert.ThrowsAsync<JsonRpcClientException>(() => _prover.CallAsync("prover_matchPalm", [new[] { "0x1234" }]));
        Assert.That(error!.Message, Does.Contain("tags[0] must be 32 bytes"));
    }

    private void AssertRefused(Dictionary<string, object> body, int code, string message)
    {
        JsonRpcClientException? error = Assert.ThrowsAsync<JsonRpcClientException>(() => _prover.CallAsync("prover_evaluateOprf", [body]));
        Assert.That(error!.Code, Is.EqualTo(code), error.Message);
        Assert.That(error.Message, Does.Contain(message));
    }

    private ProverOprfRequest Request(PrivateKey signer, ulong expiry, params byte[][] elements) =>
        ProverOprfRequest.Create(signer, _network.Spec.ChainId, expiry, elements);

    private static Dictionary<string, object> Body(ProverOprfRequest request) => new()
    {
        ["expiry"] = "0x" + request.Expiry.ToString("x"),
        ["elements"] = request.Elements.Select(e => Hex.ToHexString(e)).ToArray(),
        ["signature"] = Hex.ToHexString(request.Signature),
    };

    private static byte[] Element() => OprfClient.Blind(new BandInput(0, 8, 1)).BlindedElement;

    private static ulong Now() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
