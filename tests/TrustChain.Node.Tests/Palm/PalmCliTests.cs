using System.Text.Json;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Palm;

/// <summary>`trustchain palm scan` and `palm study`: SYNTHETIC labels, determinism, the PNG.</summary>
[TestFixture]
public sealed class PalmCliTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    [Test]
    public void Scan_writes_the_simulators_template_labelled_synthetic()
    {
        using TempDirectory dir = new();
        CliRun run = CliRun.Invoke(NoEnvironment, "palm", "scan", "--person", "12", "--seed", "5", "--scan", "2", "--out", dir.Combine("s.json"));
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.StartWith("SYNTHETIC palm scan: person 12, seed 5, scan 2"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(dir.Combine("s.json")));
        Assert.That(json.RootElement.GetProperty("label").GetString(), Is.EqualTo("SYNTHETIC"));

        PalmTemplate read = PalmScanFile.Read(dir.Combine("s.json"));
        PalmTemplate expected = new PalmSimulator(new PalmSimulatorOptions { Seed = 5 }).Scan(12, 2);
        Assert.That(read.Bits.ToArray(), Is.EqualTo(expected.Bits.ToArray()));
        Assert.That(read.Mask.ToArray(), Is.EqualTo(expected.Mask.ToArray()));
        Assert.That(read.Bits.ToArray(), Is.Not.EqualTo(new PalmSimulator(new PalmSimulatorOptions { Seed = 5 }).Scan(12, 3).Bits.ToArray()));
    }

    [TestCase("{}", "bitLength is missing")]
    [TestCase("{\"bitLength\": 2048, \"bits\": \"0x00\", \"mask\": \"0x00\"}", "1 bytes do not hold a 2048-bit template")]
    public void A_bad_scan_file_is_a_clear_error(string content, string message)
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("bad.json"), content);
        CliRun run = CliRun.Invoke(NoEnvironment, "palm", "enroll", "--scan", dir.Combine("bad.json"), "--operator-key", "k", "--provers", "http://x",
            "--committee", "c", "--out", dir.Combine("p.json"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void Study_prints_the_recommendation_and_writes_a_png()
    {
        using TempDirectory dir = new();
        CliRun run = CliRun.Invoke(NoEnvironment, "palm", "study", "--people", "300", "--fuzzy-trials", "10", "--plot", dir.Combine("study.png"));
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("recommended: palmBands=").And.Contain("SYNTHETIC"));
        byte[] png = File.ReadAllBytes(dir.Combine("study.png"));
        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
    }
}
