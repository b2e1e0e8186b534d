using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Simulation;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Node.ModelHost;
using Dev_ = TrustChain.Node.Dev;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Node.Tests.Prover;

/// <summary>
/// Re-scan → the same identity → a proof that verifies on chain (and pays the prover), then erasure. Proofs come from the
/// native Semaphore circuit of depth 2 (a committed test key made with `trustchain zk setup` + one contribution over the
/// power-12 test ceremony, in Fixtures/), registered on this chain as a TrustChain key; three people enrol here and
/// the CLI test adds a fourth, which fills depth 2.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HumanProofTests
{
    private const int Depth = 2;
    private static readonly string ZkeyDirectory = Path.Combine(RepoPaths.Root, "tests", "TrustChain.Node.Tests", "Prover", "Fixtures");

    private ProverNetwork _network = null!;
    private JsonRpcClient _rpc = null!;
    private readonly List<PalmEnrollment> _people = [];
    private readonly PalmSimulator _simulator = new(new PalmSimulatorOptions { Seed = 91 });

    [OneTimeSetUp]
    public async Task EnrolFour()
    {
        VerificationKey key = ZkeyFile.ReadFile(Path.Combine(ZkeyDirectory, $"semaphore-{Depth}.zkey")).VerificationKey;
        _network = await ProverNetwork.StartAsync(new ProverOptions { ZkeyDirectory = ZkeyDirectory }, key, Depth);
        _rpc = new JsonRpcClient(_network.ChainUri);
        PalmEnroller enroller = _network.Enroller(_rpc, _network.ProverUris, out _, out List<ProverClient> clients);
        for (ulong person = 0; person < 3; person++)
        {
            _people.Add(await enroller.EnrollAsync(_simulator.Scan(person, 0), TimeSpan.FromSeconds(30)));
        }

        clients.ForEach(c => c.Dispose());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _rpc?.Dispose();
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task A_rescan_gives_the_same_identity_whose_proof_verifies_on_chain_and_pays_the_prover_then_erasure_stops_it()
    {
        PalmEnrollment alice = _people[1];
        byte[] secret = new CodeOffsetExtractor().Reproduce(_simulator.Scan(1, 5), alice.Candidate.Helper);
        Assert.That(secret, Is.EqualTo(alice.Candidate.IdentitySecret), "the re-scan reproduces the enrolment secret");

        using ProverClient prover = new(_network.ProverUris[2], TimeSpan.FromMinutes(2));
        ProverMembershipProof made = await prover.ProveMembershipAsync(new ProverMembershipRequest(secret, (UInt256)42UL, (UInt256)2026UL));
        Assert.That(made.Commitment, Is.EqualTo(alice.Candidate.Commitment));
        Assert.That(made.Proof.Depth, Is.EqualTo((UInt256)(ulong)Depth));

        ProverVerification verdict = await prover.VerifyHumanProofAsync(made.Proof);
        Assert.That(verdict.Valid, Is.True, verdict.Reason);
        Assert.That(verdict.Prover, Is.EqualTo(ProverNetwork.ProverKey(2).Address));
        Assert.That(verdict.IsSignedByProver(), Is.True, "the verdict is signed by the prover's account key");
        Assert.That((verdict with { Valid = false }).IsSignedByProver(), Is.False, "the signature covers the verdict");

        ContractClient registry = _network.Registry(_rpc);
        UInt256 before = _network.Chain.HeadState.GetAccount(verdict.Prover).Balance;
        UInt256 fee = _network.Spec.Parameters.VerificationFee;
        HumanProof p = made.Proof;
        await registry.SendAsync(Dev(9), "verifyHuman", [p.Depth, p.Root, p.Nullifier, p.Message, p.Scope, p.Points.ToArray(), verdict.Prover], fee, TimeSpan.FromSeconds(30));
        UInt256 share = fee * (UInt256)(ulong)_network.Spec.Parameters.VerificationProverBps / (UInt256)10_000UL;
        Assert.That(_network.Chain.HeadState.GetAccount(verdict.Prover).Balance, Is.EqualTo(before + share), "the prover named in verifyHuman gets its share");

        ProverVerification reused = await prover.VerifyHumanProofAsync(made.Proof);
        Assert.That(reused.Valid, Is.False);
        Assert.That(reused.Reason, Does.Contain("already used"));
        Assert.That(reused.IsSignedByProver(), Is.True);

        SemaphoreIdentity identity = new(secret);
        var signature = identity.Sign(HumanIdentityMessages.Delete(_network.Spec.ChainId, alice.Candidate.Commitment));
        await registry.SendAsync(Dev(9), "deleteIdentity", [alice.Candidate.Commitment,
            new[] { Word(identity.PublicKey.X.ToString()), Word(identity.PublicKey.Y.ToString()) },
            new[] { Word(signature.R8.X.ToString()), Word(signature.R8.Y.ToString()), Word(signature.S.ToString()) }], UInt256.Zero, TimeSpan.FromSeconds(30));

        JsonRpcClientException? refused = Assert.ThrowsAsync<JsonRpcClientException>(() =>
            prover.ProveMembershipAsync(new ProverMembershipRequest(secret, (UInt256)1UL, (UInt256)7UL)));
        Assert.That(refused!.Message, Does.Contain("not a live member"));
    }

    [Test]
    public void A_scan_of_someone_else_does_not_reproduce_the_identity()
    {
        Assert.That(new CodeOffsetExtractor().TryReproduce(_simulator.Scan(3, 1), _people[1].Candidate.Helper, out _), Is.False);
    }

    [Test]
    public void Cli_scan_enroll_and_prove_through_the_provers()
    {
        using TempDirectory dir = new();
        string committee = dir.Combine("committee.json");
        File.WriteAllText(committee, _network.Committee.ToJson());
        string operatorKey = dir.Combine("operator.key");
        File.WriteAllText(operatorKey, Dev_.DevAccounts.KeyHexAt(ProverNetwork.OperatorAccount));
        string provers = string.Join(",", _network.ProverUris);
        Dictionary<string, string> env = new(StringComparer.Ordinal);

        CliRun scan = CliRun.Invoke(env, "palm", "scan", "--person", "77", "--seed", "91", "--out", dir.Combine("enrol.json"));
        Assert.That(scan.ExitCode, Is.Zero, scan.Error);
        CliRun enrolled = CliRun.Invoke(env, "palm", "enroll", "--scan", dir.Combine("enrol.json"), "--operator-key", operatorKey, "--provers", provers,
            "--committee", committee, "--rpc", _network.ChainUri.ToString(), "--genesis", RepoPaths.Genesis, "--out", dir.Combine("person.json"));
        Assert.That(enrolled.ExitCode, Is.Zero, enrolled.Error);
        Assert.That(enrolled.Output, Does.Contain("humanIndex=3"));

        CliRun again = CliRun.Invoke(env, "palm", "enroll", "--scan", dir.Combine("enrol.json"), "--operator-key", operatorKey, "--provers", provers,
            "--committee", committee, "--rpc", _network.ChainUri.ToString(), "--genesis", RepoPaths.Genesis, "--out", dir.Combine("person2.json"));
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("duplicate human").And.Contain("human #3"));

        Assert.That(CliRun.Invoke(env, "palm", "scan", "--person", "77", "--seed", "91", "--scan", "4", "--out", dir.Combine("rescan.json")).ExitCode, Is.Zero);
        CliRun proved = CliRun.Invoke(env, "palm", "prove", "--scan", dir.Combine("rescan.json"), "--helper", dir.Combine("person.json"), "--scope", "cli-scope",
            "--message", "7", "--prover", _network.ProverUris[0].ToString(), "--out", dir.Combine("proof.json"));
        Assert.That(proved.ExitCode, Is.Zero, proved.Error);
        using System.Text.Json.JsonDocument proof = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.Combine("proof.json")));
        HumanProof parsed = Rpc.Modules.Prover.ProverJson.ReadProof(proof.RootElement, 0);
        Assert.That(_network.Human.CheckProof(_network.Chain.HeadState, parsed, _network.Chain.Head.Number + 1), Is.Null);

        Assert.That(CliRun.Invoke(env, "palm", "scan", "--person", "78", "--seed", "91", "--out", dir.Combine("other.json")).ExitCode, Is.Zero);
        CliRun impostor = CliRun.Invoke(env, "palm", "prove", "--scan", dir.Combine("other.json"), "--helper", dir.Combine("person.json"), "--scope", "x",
            "--prover", _network.ProverUris[0].ToString());
        Assert.That(impostor.ExitCode, Is.EqualTo(1));
        Assert.That(impostor.Error, Does.Contain("does not reproduce the identity"));
    }

    private static Core.Crypto.PrivateKey Dev(int i) => Dev_.DevAccounts.Get(i);

    private static UInt256 Word(string decimalText) => UInt256.Parse(decimalText);
}
