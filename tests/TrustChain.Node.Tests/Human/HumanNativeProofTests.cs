using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Human;

/// <summary>
/// TrustChain's own Semaphore keys on a real `trustchain run --dev` node: the node loads them from genesis.json, the CLI
/// recreates the matching dev proving key (`human dev-zkey`), and a `human prove` proof from the native prover passes
/// isValidHumanProof and a paid verifyHuman.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HumanNativeProofTests
{
    private const int Operator = 7;
    private const int Verifier = 8;

    private static string Ptau => Path.Combine(RepoPaths.Root, "tests", "TrustChain.Zk.Tests", "Fixtures", "Circuits", "ptau", "pot12_final.ptau");

    [Test]
    public void A_native_proof_from_the_dev_ceremony_key_verifies_on_a_dev_node()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tc-human-native-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        using DevNodeProcess node = DevNodeProcess.StartInTemp("tc-human-dev-", blockTimeMs: 500);
        try
        {
            string rpc = node.RpcUri.ToString();
            Ok(node, HumanCli.Run("stake", "add", "--role", "operator", "--amount", "1000", "--dev-account", $"{Operator}", "--rpc", rpc));
            string identity = Path.Combine(dir, "me.json");
            Ok(node, HumanCli.Run("human", "new-identity", "--out", identity));
            Ok(node, HumanCli.Run("human", "enroll", "--identity", identity, "--demo-tags", "--dev-account", $"{Operator}", "--rpc", rpc));

            string zkey = Path.Combine(dir, "semaphore-1.zkey");
            CliRun made = Ok(node, HumanCli.Run("human", "dev-zkey", "--depth", "1", "--ptau", Ptau, "--out", zkey));
            Assert.That(HumanCli.Value(made.Output, "matchesGenesis"), Is.EqualTo("true"));

            string proof = Path.Combine(dir, "proof.json");
            CliRun proved = Ok(node, HumanCli.Run("human", "prove", "--identity", identity, "--scope", "native-poll", "--message", "yes",
                "--zkey", zkey, "--depth", "1", "--out", proof, "--rpc", rpc));
            Assert.That(HumanCli.Value(proved.Output, "acceptedByChain"), Is.EqualTo("true"));

            CliRun verified = Ok(node, HumanCli.Run("human", "verify", "--proof", proof, "--dev-account", $"{Verifier}", "--rpc", rpc));
            Assert.That(HumanCli.Value(verified.Output, "verified"), Is.EqualTo("true"));
            Assert.That(HumanCli.Value(verified.Output, "nullifier"), Is.EqualTo(HumanCli.Value(proved.Output, "nullifier")));

            CliRun replay = HumanCli.Run("human", "verify", "--proof", proof, "--dev-account", $"{Verifier}", "--rpc", rpc);
            Assert.That(replay.ExitCode, Is.EqualTo(1));
            Assert.That(replay.Error, Does.Contain("was already used in scope"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Dev_zkey_refuses_a_depth_the_committed_ceremony_cannot_hold()
    {
        CliRun run = HumanCli.Run("human", "dev-zkey", "--depth", "8", "--ptau", Ptau, "--genesis", RepoPaths.Genesis, "--out", Path.Combine(Path.GetTempPath(), "never.zkey"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--depth must be 1..7"));
    }

    private static CliRun Ok(DevNodeProcess node, CliRun run)
    {
        Assert.That(run.ExitCode, Is.Zero, $"{run.Error}\n{run.Output}\n--- node log ---\n{node.Log}");
        return run;
    }
}
