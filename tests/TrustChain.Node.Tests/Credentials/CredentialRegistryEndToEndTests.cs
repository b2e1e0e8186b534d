using System.Text.Json;
using TrustChain.Chain.Abi;
using TrustChain.Core;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Credentials;

/// <summary>
/// The CredentialRegistry on a real `trustchain run --dev` with three validators: the ethers.js scenario of issue 5
/// (tests/interop/registries/credentials.mjs) and the `trustchain credential` CLI against the same node.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CredentialRegistryEndToEndTests
{
    private static readonly Dictionary<string, string> NoEnvironment = new(StringComparer.Ordinal);
    private DevNodeProcess _node = null!;

    [OneTimeSetUp]
    public void StartNode() => _node = RegistryDevNode.Start();

    [OneTimeTearDown]
    public void StopNode() => _node?.Dispose();

    [Test]
    public void Ethers_issuer_stakes_issues_10000_verifies_revokes_and_validators_slash()
    {
        (int exitCode, string output) = RegistryScript.Run("credentials.mjs", [_node.RpcUri.ToString()], null, TimeSpan.FromSeconds(150));
        TestContext.Out.WriteLine(output);
        Assert.That(exitCode, Is.Zero, output + "\n--- node log ---\n" + _node.Log);
        Assert.That(output, Does.Contain("credentials e2e OK"));
    }

    [Test]
    public void Cli_schema_issue_show_verify_revoke()
    {
        string rpc = _node.RpcUri.ToString();
        const int issuer = 8;
        const int verifier = 9;
        string stake = Hex.ToHexString(AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall((byte)2));
        CliRun staked = Cli("tx", "send", "--rpc", rpc, "--dev-account", $"{issuer}", "--to", "0x0000000000000000000000000000000000001000",
            "--value", "100000000000000000000000", "--data", stake, "--wait");
        Assert.That(staked.ExitCode, Is.Zero, staked.Error);

        CliRun schema = Cli("credential", "schema", "--rpc", rpc, "--dev-account", $"{issuer}", "--schema", "string cliTest", "--revocable");
        Assert.That(schema.ExitCode, Is.Zero, schema.Error);
        string schemaUid = Value(schema.Output, "uid");

        CliRun shownSchema = Cli("credential", "show", schemaUid, "--schema", "--rpc", rpc);
        Assert.That(shownSchema.ExitCode, Is.Zero, shownSchema.Error);
        using (JsonDocument json = JsonDocument.Parse(shownSchema.Output))
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("string cliTest"));
            Assert.That(json.RootElement.GetProperty("revocable").GetBoolean(), Is.True);
        }

        string holder = DevAccounts.Get(verifier).Address.ToString();
        CliRun issued = Cli("credential", "issue", "--rpc", rpc, "--dev-account", $"{issuer}", "--schema-uid", schemaUid, "--recipient", holder,
            "--data-hash", "0x" + new string('a', 64));
        Assert.That(issued.ExitCode, Is.Zero, issued.Error);
        string uid = Value(issued.Output, "uid");

        AssertShown(rpc, uid, valid: true, reason: "");
        CliRun verified = Cli("credential", "verify", "--rpc", rpc, "--dev-account", $"{verifier}", "--uid", uid);
        Assert.That(verified.ExitCode, Is.Zero, verified.Error);
        Assert.That(Value(verified.Output, "fee"), Is.EqualTo("1000000000000000"), "the chain's credentialVerificationFee is paid by default");

        CliRun stranger = Cli("credential", "revoke", "--rpc", rpc, "--dev-account", $"{verifier}", "--uid", uid);
        Assert.That(stranger.ExitCode, Is.EqualTo(1));
        Assert.That(stranger.Error, Does.Contain("only the issuer can revoke a credential"));

        CliRun revoked = Cli("credential", "revoke", "--rpc", rpc, "--dev-account", $"{issuer}", "--uid", uid);
        Assert.That(revoked.ExitCode, Is.Zero, revoked.Error);
        AssertShown(rpc, uid, valid: false, reason: "credential is revoked");
        CliRun refused = Cli("credential", "verify", "--rpc", rpc, "--dev-account", $"{verifier}", "--uid", uid);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("credential is revoked"));
    }

    [TestCase("show", "0x1234", "uid must be a 0x-prefixed 32-byte hex word")]
    [TestCase("verify", "--uid", "--uid must be a 0x-prefixed 32-byte hex word")]
    [TestCase("issue", "--recipient", "--recipient must be a 0x-prefixed 20-byte address")]
    public void Bad_arguments_exit_2_before_anything_is_sent(string subcommand, string what, string message)
    {
        string[] args = subcommand switch
        {
            "show" => ["credential", "show", what, "--rpc", _node.RpcUri.ToString()],
            "verify" => ["credential", "verify", what, "0x12", "--dev-account", "9", "--rpc", _node.RpcUri.ToString()],
            _ => ["credential", "issue", "--schema-uid", "0x" + new string('1', 64), what, "0xabc", "--dev-account", "9", "--rpc", _node.RpcUri.ToString()],
        };
        CliRun run = Cli(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void A_sender_needs_exactly_one_key_source()
    {
        CliRun run = Cli("credential", "revoke", "--uid", "0x" + new string('1', 64), "--rpc", _node.RpcUri.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("give exactly one of --from-key FILE or --dev-account N"));
    }

    private static void AssertShown(string rpc, string uid, bool valid, string reason)
    {
        CliRun shown = Cli("credential", "show", uid, "--rpc", rpc);
        Assert.That(shown.ExitCode, Is.Zero, shown.Error);
        using JsonDocument json = JsonDocument.Parse(shown.Output);
        Assert.That(json.RootElement.GetProperty("uid").GetString(), Is.EqualTo(uid));
        Assert.That(json.RootElement.GetProperty("valid").GetBoolean(), Is.EqualTo(valid));
        Assert.That(json.RootElement.GetProperty("invalidReason").GetString(), Is.EqualTo(reason));
    }

    private static CliRun Cli(params string[] args) => CliRun.Invoke(NoEnvironment, args);

    private static string Value(string output, string key)
    {
        foreach (string line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return line[(key.Length + 1)..];
            }
        }

        throw new AssertionException($"no {key}= line in:\n{output}");
    }
}
