using System.Diagnostics;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Tests;

/// <summary>Throughput figures for the report; the bounds only catch pathological regressions.</summary>
public class PerformanceTests
{
    [Test]
    public void Reproduce_throughput()
    {
        var extractor = new CodeOffsetExtractor();
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 4 });
        const int n = 100;
        var helpers = new FuzzyHelperData[n];
        var scans = new PalmTemplate[n];
        for (int i = 0; i < n; i++)
        {
            helpers[i] = extractor.Generate(sim.Scan((ulong)i, 0), new byte[32]).Helper;
            scans[i] = sim.Scan((ulong)i, 1);
        }

        extractor.TryReproduce(scans[0], helpers[0], out _);
        var watch = Stopwatch.StartNew();
        int ok = 0;
        for (int i = 0; i < n; i++)
        {
            ok += extractor.TryReproduce(scans[i], helpers[i], out _) ? 1 : 0;
        }

        double perSecond = n / watch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"Rep (genuine): {perSecond:F0}/s");
        Assert.That(ok, Is.GreaterThanOrEqualTo(97));
        Assert.That(perSecond, Is.GreaterThan(50));
    }

    [Test]
    public void Oprf_evaluation_throughput()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3);
        var server = new OprfServer(dealing.Shares[0]);
        OprfBlindedInput[] inputs = Enumerable.Range(0, 100).Select(i => OprfClient.Blind(new BandInput(i, 10, (ulong)i))).ToArray();
        server.Evaluate(inputs[0].BlindedElement);
        var watch = Stopwatch.StartNew();
        var evaluations = new OprfEvaluation[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            evaluations[i] = server.Evaluate(inputs[i].BlindedElement);
        }

        double evalPerSecond = inputs.Length / watch.Elapsed.TotalSeconds;
        watch.Restart();
        int valid = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            valid += evaluations[i].Proof.Verify(dealing.Shares[0].PublicShare, inputs[i].BlindedElement, evaluations[i].Element) ? 1 : 0;
        }

        double verifyPerSecond = inputs.Length / watch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"OPRF Evaluate+DLEQ: {evalPerSecond:F0}/s, DLEQ verify: {verifyPerSecond:F0}/s");
        Assert.That(valid, Is.EqualTo(inputs.Length));
        Assert.That(evalPerSecond, Is.GreaterThan(100));
    }
}
