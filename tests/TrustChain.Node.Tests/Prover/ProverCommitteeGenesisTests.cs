using System.Text.Json.Nodes;
using TrustChain.Biometrics.Oprf;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Prover;

/// <summary>The committee in genesis: keygen's genesis section round-trips through the spec parser; the DEV-ONLY committee.</summary>
[TestFixture]
public sealed class ProverCommitteeGenesisTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);

    [Test]
    public void Keygen_genesis_section_parses_into_the_committee_its_shares_belong_to()
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("pw"), "pw");
        string[] provers = Enumerable.Range(2, 4).Select(i => DevAccounts.Get(i).Address.ToString()).ToArray();
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", "4", "--threshold", "3", "--out", dir.Combine("c"),
            "--password-file", dir.Combine("pw"), "--light-kdf", "--provers", string.Join(",", provers));
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        JsonObject genesis = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!.AsObject();
        genesis["proverCommittee"] = JsonNode.Parse(File.ReadAllText(dir.Combine("c", "prover-committee.genesis.json")))!["proverCommittee"]!.DeepClone();
        ProverCommittee committee = ProverCommittee.FromSpec(ChainSpec.Parse(genesis.ToJsonString()));

        Assert.That(committee.Threshold, Is.EqualTo(3));
        Assert.That(committee.Members.Select(m => m.Prover!.Value.ToString()), Is.EqualTo(provers));
        OprfKeyShare[] shares = Enumerable.Range(1, 4).Select(i =>
            ProverShareFile.Read(File.ReadAllText(dir.Combine("c", $"prover-{i}.share.json")), "pw", $"share {i}")).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Assert.That(committee.Members[i].Index, Is.EqualTo(i + 1));
            Assert.That(committee.Members[i].PublicShare, Is.EqualTo(shares[i].PublicShare.ToArray()));
        }

        byte[] key = ShamirDealer.Reconstruct([shares[0], shares[1], shares[3]]);
        Assert.That(CurvePoint.MultiplyGenerator(Secp256k1Scalar.FromBytes(key)), Is.EqualTo(committee.Oprf.PublicKey));
    }

    [Test]
    public void Keygen_without_provers_writes_no_genesis_section_and_says_why()
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("pw"), "pw");
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", "2", "--threshold", "2", "--out", dir.Combine("c"),
            "--password-file", dir.Combine("pw"), "--light-kdf");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(File.Exists(dir.Combine("c", ProverCommands.GenesisSectionFile)), Is.False);
        Assert.That(run.Output, Does.Contain("pass --provers"));
    }

    [Test]
    public void Keygen_dev_writes_the_shares_of_the_bundled_dev_genesis_committee()
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("pw"), "pw");
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--dev", "--out", dir.Combine("c"), "--password-file", dir.Combine("pw"), "--light-kdf");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("DEV-ONLY"));

        ProverCommittee genesis = ProverCommittee.FromSpec(ChainSpec.Load(RepoPaths.Genesis));
        Assert.That(DevProverCommittee.IsDevCommittee(genesis), Is.True);
        for (int i = 1; i <= 3; i++)
        {
            OprfKeyShare share = ProverShareFile.Read(File.ReadAllText(dir.Combine("c", $"prover-{i}.share.json")), "pw", $"share {i}");
            Assert.That(share.PublicShare.ToArray(), Is.EqualTo(genesis.GetMember(i).PublicShare), $"member {i}");
            Assert.That(genesis.GetMember(i).Prover, Is.EqualTo(DevAccounts.Get(4 + i).Address));
        }

        Assert.That(File.ReadAllText(dir.Combine("c", ProverCommands.GenesisSectionFile)), Does.Contain(Hex.ToHexString(genesis.Oprf.PublicKey)));
    }

    [TestCase("--members", "3", "drop --members")]
    [TestCase("--provers", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", "drop --members")]
    public void Keygen_dev_refuses_committee_shape_flags(string flag, string value, string message)
    {
        using TempDirectory dir = new();
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--dev", flag, value, "--out", dir.Path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void Keygen_refuses_one_account_for_two_members()
    {
        using TempDirectory dir = new();
        string a = DevAccounts.Get(5).Address.ToString();
        CliRun run = CliRun.Invoke(NoEnvironment, "prover", "keygen", "--members", "2", "--threshold", "1", "--provers", $"{a},{a}", "--out", dir.Path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("lists an account twice"));
    }

    [Test]
    public void A_chain_without_a_genesis_committee_is_a_clear_config_error()
    {
        JsonObject genesis = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!.AsObject();
        genesis.Remove("proverCommittee");
        ConfigException error = Assert.Throws<ConfigException>(() => ProverCommittee.FromSpec(ChainSpec.Parse(genesis.ToJsonString())))!;
        Assert.That(error.Message, Does.Contain("has no proverCommittee section").And.Contain("--committee FILE"));
    }
}
