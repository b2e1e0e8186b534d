using System.Text.Json;
using TrustChain.Node.Cli;
using TrustChain.Node.Tests.Cli;

namespace TrustChain.Node.Tests.Testnet;

public class TestnetInitTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Test]
    public void Writes_genesis_with_staked_validators_and_runnable_node_args()
    {
        using TempDirectory dir = new();
        string outDir = dir.Combine("net");

        CliRun run = CliRun.Invoke(NoEnvironment, "testnet", "init", "--validators", "3", "--followers", "1", "--out", outDir,
            "--base-p2p-port", "41000", "--base-rpc-port", "42000", "--timeout-commit", "250");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using JsonDocument genesis = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "genesis.json")));
        JsonElement validators = genesis.RootElement.GetProperty("validators");
        Assert.That(validators.GetArrayLength(), Is.EqualTo(3));
        Assert.That(validators.EnumerateArray().Select(v => v.GetProperty("stake").GetString()), Has.All.EqualTo("1000000000000000000000000"));
        Assert.That(genesis.RootElement.GetProperty("params").GetProperty("timeoutCommitMs").GetInt32(), Is.EqualTo(250));

        string[] validatorArgs = File.ReadAllLines(Path.Combine(outDir, "node0", TestnetGenerator.ArgsFileName));
        string[] followerArgs = File.ReadAllLines(Path.Combine(outDir, "node3", TestnetGenerator.ArgsFileName));
        Assert.That(validatorArgs, Does.Contain("--validator").And.Contain("41000").And.Contain("42000"));
        Assert.That(followerArgs, Does.Not.Contain("--validator").And.Contain("41003"));
        string peers = validatorArgs[Array.IndexOf(validatorArgs, "--persistent-peers") + 1];
        Assert.That(peers.Split(','), Has.Length.EqualTo(3).And.All.Match("^[0-9a-f]{128}@127\\.0\\.0\\.1:4100[1-3]$"));
        Assert.That(File.Exists(Path.Combine(outDir, "node0", "db", "CURRENT")), Is.True, "data dirs are initialised with block 0");
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(outDir, "node0", "validator.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [TestCase("--validators", "0", "--validators must be 1..100")]
    [TestCase("--followers", "-1", "--followers must be 0..100")]
    [TestCase("--base-rpc-port", "26601", "overlap")]
    public void Bad_settings_are_refused(string option, string value, string message)
    {
        using TempDirectory dir = new();

        CliRun run = CliRun.Invoke(NoEnvironment, "testnet", "init", "--out", dir.Combine("net"), option, value);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(Directory.Exists(dir.Combine("net")), Is.False, "nothing is written");
    }

    [Test]
    public void A_non_empty_output_directory_is_refused()
    {
        using TempDirectory dir = new();
        File.WriteAllText(dir.Combine("keep.txt"), "x");

        CliRun run = CliRun.Invoke(NoEnvironment, "testnet", "init", "--out", dir.Path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("is not empty"));
    }

    [TestCase(new[] { "--validator" }, "--validator needs the validator key")]
    [TestCase(new[] { "--p2p-port", "70000" }, "for p2p-port (from --p2p-port)")]
    [TestCase(new[] { "--persistent-peers", "nohost" }, "is not host:port or nodeIdHex@host:port")]
    [TestCase(new[] { "--p2p-addr", "somewhere" }, "for p2p-addr (from --p2p-addr): must be an IP address")]
    [TestCase(new[] { "--dev", "--validator" }, "--dev runs a standalone dev chain")]
    public void Bad_network_settings_stop_run_with_a_clear_message(string[] extra, string message)
    {
        using TempDirectory dir = new();
        string outDir = dir.Combine("net");
        Assert.That(CliRun.Invoke(NoEnvironment, "testnet", "init", "--validators", "1", "--out", outDir).ExitCode, Is.Zero);

        CliRun run = CliRun.Invoke(NoEnvironment, ["run", "--datadir", Path.Combine(outDir, "node0"), .. extra]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Output);
        Assert.That(run.Error, Does.Contain(message));
    }
}
