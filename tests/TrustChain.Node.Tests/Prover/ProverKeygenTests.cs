using System.Text.Json;
using TrustChain.Biometrics.Oprf;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Prover;

/// <summary>`trustchain prover keygen`: the committee file and the encrypted share files, and what loading them checks.</summary>
[TestFixture]
public sealed class ProverKeygenTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    [Test]
    public void Keygen_writes_a_committee_and_shares_that_reconstruct_its_key()
    {
        using TempDirectory dir = new();
        string password = dir.Combine("password");
        File.WriteAllText(password, "prover pass\n");
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", "3", "--threshold", "2", "--out", dir.Combine("committee"),
            "--password-file", password, "--light-kdf", "--urls", "http://a:1,http://b:2,http://c:3");
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        ProverCommittee committee = ProverCommittee.Load(dir.Combine("committee", "committee.json"));
        Assert.That(committee.Threshold, Is.EqualTo(2));
        Assert.That(committee.Members.Select(m => m.Url), Is.EqualTo(new[] { "http://a:1", "http://b:2", "http://c:3" }));
        OprfKeyShare[] shares = Enumerable.Range(1, 3).Select(i =>
            ProverShareFile.Read(File.ReadAllText(dir.Combine("committee", $"prover-{i}.share.json")), "prover pass", $"share {i}")).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.That(shares[i].Index, Is.EqualTo(i + 1));
            Assert.That(shares[i].PublicShare.ToArray(), Is.EqualTo(committee.Members[i].PublicShare));
        }

        // Any two shares give the same key, whose public point is the committee's.
        byte[] key = ShamirDealer.Reconstruct([shares[0], shares[2]]);
        Assert.That(ShamirDealer.Reconstruct([shares[1], shares[2]]), Is.EqualTo(key));
        Assert.That(CurvePoint.MultiplyGenerator(Secp256k1Scalar.FromBytes(key)), Is.EqualTo(committee.Oprf.PublicKey));
        Assert.That(File.ReadAllText(dir.Combine("committee", "prover-1.share.json")), Does.Not.Contain(Convert.ToHexStringLower(shares[0].Secret)));

        Assert.Throws<KeystorePasswordException>(() => ProverShareFile.Read(File.ReadAllText(dir.Combine("committee", "prover-1.share.json")), "wrong", "share 1"));
        CliRun again = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", "3", "--threshold", "2", "--out", dir.Combine("committee"),
            "--password-file", password, "--light-kdf");
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Error, Does.Contain("never overwrites"));
    }

    [TestCase("3", "4", "threshold 4 of 3")]
    [TestCase("0", "1", "threshold 1 of 0")]
    [TestCase("3", "0", "threshold 0 of 3")]
    public void Keygen_rejects_impossible_thresholds(string members, string threshold, string message)
    {
        using TempDirectory dir = new();
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", members, "--threshold", threshold, "--out", dir.Path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void A_committee_file_with_a_point_off_the_curve_is_a_config_error()
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3);
        string json = ProverCommittee.FromDealing(dealing).ToJson().Replace(Core.Hex.ToHexString(dealing.Committee.Members[1].PublicShare), "0x" + new string('1', 128));
        ConfigException? error = Assert.Throws<ConfigException>(() => ProverCommittee.Parse(json, "test"));
        Assert.That(error!.Message, Does.Contain("member 2 publicShare is not a 64-byte secp256k1 point"));
        using JsonDocument parsed = JsonDocument.Parse(ProverCommittee.FromDealing(dealing).ToJson());
        Assert.That(parsed.RootElement.GetProperty("members").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void Run_refuses_prover_flags_without_prover()
    {
        CliRun run = CliRun.Invoke(NoEnvironment, "run", "--dev", "--committee", "x.json", "--datadir", Path.Combine(Path.GetTempPath(), "tc-unused-" + Guid.NewGuid().ToString("N")));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--committee only applies with --prover"));
    }
}
