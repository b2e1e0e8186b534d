using System.Text.Json;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Prover;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Modules.Prover;

namespace TrustChain.Node.Tests.Metrics;

/// <summary>A real prover service behind <see cref="MeteredProverBackend"/>: what it serves and refuses is counted by method.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ProverMetricsTests
{
    [Test]
    public async Task Served_and_refused_prover_requests_are_counted_by_method()
    {
        await using ProverNetwork network = await ProverNetwork.StartAsync(new ProverOptions());
        MetricsRegistry registry = new();
        Uri uri = await network.ServeAsync(new MeteredProverBackend(network.Provers[0], registry));
        using JsonRpcClient prover = new(uri);

        await prover.CallAsync("prover_matchPalm", [new[] { Hash256.Zero.ToString() }]);
        await prover.CallAsync("prover_matchPalm", [new[] { Hash256.Zero.ToString(), new Hash256(Filled(7)).ToString() }]);
        ulong expiry = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60;
        JsonElement served = await prover.CallAsync("prover_evaluateOprf", [Body(ProverOprfRequest.Create(ProverNetwork.Operator, network.Spec.ChainId, expiry, [Element()]))]);
        Assert.That(served.GetProperty("evaluations").GetArrayLength(), Is.EqualTo(1));
        PrivateKey stranger = DevAccounts.Get(ProverNetwork.UnstakedAccount);
        JsonRpcClientException? refused = Assert.ThrowsAsync<JsonRpcClientException>(() =>
            prover.CallAsync("prover_evaluateOprf", [Body(ProverOprfRequest.Create(stranger, network.Spec.ChainId, expiry, [Element()]))]));
        Assert.That(refused!.Code, Is.EqualTo(ProverErrorCodes.Unauthorized), "the refusal reaches the client unchanged");

        Assert.Multiple(() =>
        {
            Assert.That(Counter(registry, MetricNames.ProverRequests).ValueOf(MeteredProverBackend.MatchPalmMethod), Is.EqualTo(2));
            Assert.That(Counter(registry, MetricNames.ProverRequests).ValueOf(MeteredProverBackend.EvaluateOprfMethod), Is.EqualTo(1));
            Assert.That(Counter(registry, MetricNames.ProverRefusals).ValueOf(MeteredProverBackend.EvaluateOprfMethod), Is.EqualTo(1));
            Assert.That(Counter(registry, MetricNames.ProverRefusals).ValueOf(MeteredProverBackend.MatchPalmMethod), Is.Zero);
            Assert.That(registry.Scrape(), Does.Contain("trustchain_prover_refusals_total{method=\"prover_evaluateOprf\"} 1\n"));
        });
    }

    private static LabeledCounter Counter(MetricsRegistry registry, string name) =>
        registry.TryGet(name, out Metric? metric) && metric is LabeledCounter counter ? counter : throw new AssertionException($"{name} is not registered");

    private static byte[] Filled(byte value) => Enumerable.Repeat(value, 32).ToArray();

    private static byte[] Element() => OprfClient.Blind(new BandInput(0, 8, 1)).BlindedElement;

    private static Dictionary<string, object> Body(ProverOprfRequest request) => new()
    {
        ["expiry"] = "0x" + request.Expiry.ToString("x"),
        ["elements"] = request.Elements.Select(e => Hex.ToHexString(e)).ToArray(),
        ["signature"] = Hex.ToHexString(request.Signature),
    };
}
