using System.Text.Json;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Models;

/// <summary>The offline parts of `trustchain model`: the fingerprint file and argument checking.</summary>
[TestFixture]
public sealed class ModelCliTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(256)]
    public void Fingerprint_writes_an_owner_only_file_whose_root_is_printed(int count)
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        CliRun run = CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", $"{count}", "--out", path);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        FingerprintSet set = FingerprintFile.Read(path);
        Assert.That(set.Count, Is.EqualTo(count));
        Assert.That(run.Output, Does.Contain($"root={set.Root}"));
        Assert.That(run.Output, Does.Contain($"count={count}"));
    }

    [Test]
    public void Two_runs_give_different_secrets()
    {
        using TempDirectory dir = new();
        string a = Path.Combine(dir.Path, "a.json");
        string b = Path.Combine(dir.Path, "b.json");
        Assert.That(CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", a).ExitCode, Is.Zero);
        Assert.That(CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", b).ExitCode, Is.Zero);
        Assert.That(FingerprintFile.Read(a).Root, Is.Not.EqualTo(FingerprintFile.Read(b).Root));
    }

    [Test]
    public void Fingerprint_never_overwrites_an_existing_file()
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        File.WriteAllText(path, "keep me");
        CliRun run = CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("keep me"));
    }

    [TestCase("0", "--count must be 1..")]
    [TestCase("-3", "--count must be 1..")]
    [TestCase("16777217", "--count must be 1..")]
    public void Fingerprint_rejects_bad_counts(string count, string message)
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        CliRun run = CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", count, "--out", path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(File.Exists(path), Is.False);
    }

    [TestCase("0xabc:7000", "--owner must be a 0x-prefixed 20-byte address")]
    [TestCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "--owner must be ADDRESS:BPS")]
    [TestCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266:70000", "--owner must be ADDRESS:BPS")]
    public void Register_rejects_malformed_owners_before_sending(string owner, string message)
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        Assert.That(CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", path).ExitCode, Is.Zero);
        CliRun run = CliRun.Invoke(NoEnvironment, "model", "register", "--rpc", "http://127.0.0.1:1/", "--dev-account", "1",
            "--weights-hash", "0x" + new string('1', 64), "--fingerprints", path, "--price", "1", "--owner", owner);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void A_tampered_fingerprint_file_is_refused()
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        Assert.That(CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", path).ExitCode, Is.Zero);
        string json = File.ReadAllText(path);
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            string response = document.RootElement.GetProperty("fingerprints")[2].GetProperty("response").GetString()!;
            File.WriteAllText(path, json.Replace(response, "0x" + new string('0', 63) + "1", StringComparison.Ordinal));
        }

        CliRun run = CliRun.Invoke(NoEnvironment, "model", "prove-owner", "--rpc", "http://127.0.0.1:1/", "--fingerprints", path, "--model", "1", "--index", "0");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("does not match the fingerprints"));
    }

    [Test]
    public void Prove_owner_rejects_an_index_outside_the_file()
    {
        using TempDirectory dir = new();
        string path = Path.Combine(dir.Path, "fp.json");
        Assert.That(CliRun.Invoke(NoEnvironment, "model", "fingerprint", "--count", "4", "--out", path).ExitCode, Is.Zero);
        CliRun run = CliRun.Invoke(NoEnvironment, "model", "prove-owner", "--rpc", "http://127.0.0.1:1/", "--fingerprints", path, "--model", "1", "--index", "4");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--index must be 0..3"));
    }
}
