using System.Numerics;
using System.Text.Json;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;
using TrustChain.Node.Tests.Credentials;

namespace TrustChain.Node.Tests.Human;

/// <summary>
/// The README's "Human ID walkthrough", command by command, on a real `trustchain run --dev`, then the trust_* reads
/// of the resulting state over JSON-RPC. Proofs come from the official Semaphore JS tooling
/// (tests/interop/human/cli-proof.mjs) fed by trust_getMerkleProof: the dev chain accepts the official keys only.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HumanWalkthroughTests
{
    private const int Operator = 6;
    private const int Verifier = 5;
    private const int ProverAccount = 4;
    private static readonly BigInteger Fee = BigInteger.Parse("10000000000000000");

    private DevNodeProcess _node = null!;
    private string _dir = null!;
    private string _rpc = null!;

    [OneTimeSetUp]
    public void StartNode()
    {
        _node = RegistryDevNode.Start();
        _rpc = _node.RpcUri.ToString();
        _dir = Path.Combine(Path.GetTempPath(), "tc-human-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [OneTimeTearDown]
    public void StopNode()
    {
        _node?.Dispose();
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    [Order(1)]
    public void Walkthrough_stake_enrol_prove_verify_split_erase()
    {
        string operatorAddress = DevAccounts.Get(Operator).Address.ToString();

        // 1. Stake as an enrolment operator.
        CliRun staked = Ok(HumanCli.Run("stake", "add", "--role", "operator", "--amount", "1000", "--dev-account", $"{Operator}", "--rpc", _rpc));
        Assert.That(HumanCli.Value(staked.Output, "bonded"), Is.EqualTo("1000"));
        CliRun shown = Ok(HumanCli.Run("stake", "show", operatorAddress, "--rpc", _rpc));
        using (JsonDocument stake = JsonDocument.Parse(shown.Output))
        {
            JsonElement role = stake.RootElement.GetProperty("roles")[1];
            Assert.That(role.GetProperty("role").GetString(), Is.EqualTo("enrollmentOperator"));
            Assert.That(role.GetProperty("bonded").GetString(), Is.EqualTo("0x3635c9adc5dea00000"), "1000 TRUST in wei");
            Assert.That(role.GetProperty("active").GetBoolean(), Is.True);
        }

        // 2. Three people create identities; the operator enrols them.
        string[] identities = new string[3];
        for (int i = 0; i < identities.Length; i++)
        {
            identities[i] = Path.Combine(_dir, $"alice{i}.json");
            CliRun created = Ok(HumanCli.Run("human", "new-identity", "--out", identities[i]));
            CliRun enrolled = Ok(HumanCli.Run("human", "enroll", "--identity", identities[i], "--demo-tags", "--dev-account", $"{Operator}", "--rpc", _rpc));
            Assert.That(HumanCli.Value(enrolled.Output, "index"), Is.EqualTo($"{i}"));
            Assert.That(HumanCli.Value(enrolled.Output, "commitment"), Is.EqualTo(HumanCli.Value(created.Output, "commitment")));
        }

        Assert.That(HumanCli.Run("human", "new-identity", "--out", identities[0]).ExitCode, Is.EqualTo(2), "an identity file is never overwritten");

        // 3. A proof for a scope, verified on chain for the fee; the split goes to the wei.
        string proof = Path.Combine(_dir, "proof.json");
        JsProof(identities[0], "poll-1", "yes", proof);
        string proverAddress = DevAccounts.Get(ProverAccount).Address.ToString();
        BigInteger proverBefore = Balance(proverAddress);
        CliRun verified = Ok(HumanCli.Run("human", "verify", "--proof", proof, "--prover", proverAddress, "--dev-account", $"{Verifier}", "--rpc", _rpc));
        BigInteger fee = BigInteger.Parse(HumanCli.Value(verified.Output, "fee"));
        BigInteger proverShare = BigInteger.Parse(HumanCli.Value(verified.Output, "proverShare").Split(' ')[0]);
        BigInteger validatorShare = BigInteger.Parse(HumanCli.Value(verified.Output, "validatorShare"));
        BigInteger operatorShare = BigInteger.Parse(HumanCli.Value(verified.Output, "operatorShare"));
        Assert.Multiple(() =>
        {
            Assert.That(fee, Is.EqualTo(Fee), "the chain's verificationFee is paid by default");
            Assert.That(proverShare + validatorShare + operatorShare, Is.EqualTo(fee));
            Assert.That(proverShare, Is.EqualTo(Fee * 4000 / 10000), "verificationProverBps");
            Assert.That(Balance(proverAddress) - proverBefore, Is.EqualTo(proverShare));
        });
        string nullifier = HumanCli.Value(verified.Output, "nullifier");
        string scope = HumanCli.Value(verified.Output, "scope");
        Assert.That(HumanCli.Result(_node.RpcUri, "trust_isNullifierUsed", scope, nullifier).GetBoolean(), Is.True);

        // 4. The same proof again is refused; the same person in another scope is a fresh, unlinkable nullifier.
        CliRun reused = HumanCli.Run("human", "verify", "--proof", proof, "--dev-account", $"{Verifier}", "--rpc", _rpc);
        Assert.That(reused.ExitCode, Is.EqualTo(1));
        Assert.That(reused.Error, Does.Contain($"nullifier {nullifier} was already used in scope"));
        string proof2 = Path.Combine(_dir, "proof2.json");
        JsProof(identities[0], "poll-2", "no", proof2);
        CliRun other = Ok(HumanCli.Run("human", "verify", "--proof", proof2, "--dev-account", $"{Verifier}", "--rpc", _rpc));
        Assert.That(HumanCli.Value(other.Output, "nullifier"), Is.Not.EqualTo(nullifier));

        // 5. Erasure: the identity leaves the set and can no longer prove.
        string rootBefore = HumanCli.Result(_node.RpcUri, "trust_getHumanSetRoot").GetProperty("root").GetString()!;
        CliRun deleted = Ok(HumanCli.Run("human", "delete", "--identity", identities[0], "--dev-account", $"{Verifier}", "--rpc", _rpc));
        Assert.That(HumanCli.Value(deleted.Output, "index"), Is.EqualTo("0"));
        JsonElement human = HumanCli.Result(_node.RpcUri, "trust_getHuman", "0x0");
        Assert.That(human.GetProperty("deleted").GetBoolean(), Is.True);
        Assert.That(HumanCli.Result(_node.RpcUri, "trust_getHumanSetRoot").GetProperty("root").GetString(), Is.Not.EqualTo(rootBefore));
        Assert.That(HumanCli.JsProof(_node.RpcUri, identities[0], "poll-3", "yes", Path.Combine(_dir, "proof3.json")).ExitCode, Is.EqualTo(2),
            "no Merkle path for an erased identity");
        CliRun native = HumanCli.Run("human", "prove", "--identity", identities[0], "--scope", "poll-3", "--message", "yes",
            "--zkey", identities[1], "--out", Path.Combine(_dir, "proof4.json"), "--rpc", _rpc);
        Assert.That(native.ExitCode, Is.EqualTo(2));
        Assert.That(native.Error, Does.Contain("is not a live member of the human set"));
        CliRun twice = HumanCli.Run("human", "delete", "--identity", identities[0], "--dev-account", $"{Verifier}", "--rpc", _rpc);
        Assert.That(twice.ExitCode, Is.EqualTo(1), twice.Output);

        // 6. The others still prove against the new root.
        JsProof(identities[1], "poll-1", "yes", proof);
        Ok(HumanCli.Run("human", "verify", "--proof", proof, "--dev-account", $"{Verifier}", "--rpc", _rpc));
    }

    [Test]
    [Order(2)]
    public void Trust_rpc_reads_match_the_chain()
    {
        Uri rpc = _node.RpcUri;
        JsonElement validators = HumanCli.Result(rpc, "trust_getValidators", "latest");
        Assert.That(validators.GetArrayLength(), Is.EqualTo(RegistryDevNode.ValidatorCount));

        // The state proof of an account checks against the header's stateRoot with the chain's own verifier.
        string address = DevAccounts.Get(Verifier).Address.ToString();
        JsonElement proof = HumanCli.Result(rpc, "trust_getProof", address);
        JsonElement header = HumanCli.Result(rpc, "eth_getBlockByNumber", proof.GetProperty("blockNumber").GetString(), false);
        Assert.That(proof.GetProperty("stateRoot").GetString(), Is.EqualTo(header.GetProperty("stateRoot").GetString()));
        StateProof decoded = StateProof.Decode(Hex.FromHexString(proof.GetProperty("rlp").GetString()!));
        Assert.That(decoded.IsInclusion, Is.True);
        Assert.That(StateProof.Verify(Hash256.Parse(proof.GetProperty("stateRoot").GetString()!), StateKeys.Account(DevAccounts.Get(Verifier).Address), decoded), Is.True);
        JsonElement absent = HumanCli.Result(rpc, "trust_getProof", "0x" + new string('7', 40));
        Assert.That(absent.GetProperty("inclusion").GetBoolean(), Is.False);
        Assert.That(StateProof.Verify(Hash256.Parse(absent.GetProperty("stateRoot").GetString()!),
            StateProof.Decode(Hex.FromHexString(absent.GetProperty("rlp").GetString()!))), Is.True);

        // Live members have a lean-imt shaped path; unknown ids are null, not errors.
        JsonElement history = HumanCli.Result(rpc, "trust_getRootHistory");
        Assert.That(history[0].GetProperty("current").GetBoolean(), Is.True);
        Assert.That(history.GetArrayLength(), Is.GreaterThan(1));
        JsonElement member = HumanCli.Result(rpc, "trust_getHuman", 1);
        JsonElement path = HumanCli.Result(rpc, "trust_getMerkleProof", member.GetProperty("commitment").GetString());
        Assert.That(path.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "root", "leaf", "index", "siblings" }));
        Assert.That(path.GetProperty("index").GetInt32(), Is.EqualTo(1));
        Assert.That(path.GetProperty("root").GetString(), Is.EqualTo(history[0].GetProperty("root").GetString()));
        Assert.That(HumanCli.Result(rpc, "trust_getHuman", "0x3e8").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(HumanCli.Result(rpc, "trust_getMerkleProof", "12345").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(HumanCli.Result(rpc, "trust_getCredential", "0x" + new string('1', 64)).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(HumanCli.Result(rpc, "trust_getModel", 77).ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(HumanCli.Result(rpc, "trust_listModels").GetProperty("total").GetString(), Is.EqualTo("0x0"));
    }

    [TestCase("trust_getMerkleProof", "not-a-number", "commitment must be a decimal or 0x-hex number")]
    [TestCase("trust_getStake", "0x1234", "invalid argument 0")]
    [TestCase("trust_getProof", "0x12", "a key is a 20-byte address or a 32-byte state key")]
    [TestCase("trust_isNullifierUsed", "1", "missing value for required argument 1")]
    [Order(3)]
    public void Trust_rpc_bad_arguments_are_invalid_params(string method, string argument, string message)
    {
        JsonElement error = HumanCli.Rpc(_node.RpcUri, method, argument).GetProperty("error");
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(-32602));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(message));
    }

    private void JsProof(string identity, string scope, string message, string output)
    {
        (int exitCode, string text) = HumanCli.JsProof(_node.RpcUri, identity, scope, message, output);
        Assert.That(exitCode, Is.Zero, text);
    }

    private BigInteger Balance(string address) =>
        BigInteger.Parse("0" + HumanCli.Result(_node.RpcUri, "eth_getBalance", address, "latest").GetString()![2..], System.Globalization.NumberStyles.HexNumber);

    private CliRun Ok(CliRun run)
    {
        Assert.That(run.ExitCode, Is.Zero, $"{run.Error}\n{run.Output}\n--- node log ---\n{_node.Log}");
        return run;
    }
}
