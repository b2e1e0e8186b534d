using System.Diagnostics;
using System.Text.Json;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Node.Tests.Cli;

/// <summary>
/// `trustchain zk` end to end on the native Semaphore circuit of depth 2 over the committed power-12 test ceremony:
/// setup, two contributions, verify-setup, export-vk, both proving modes, verify; snarkjs checks the same files.
/// </summary>
[TestFixture]
public sealed class ZkCommandTests
{
    private const int Depth = 2;
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private TempDirectory _dir = null!;
    private string _zkey = null!;
    private string _vk = null!;
    private string _members = null!;
    private string _identity = null!;

    private static string Ptau => Path.Combine(RepoPaths.Root, "tests", "TrustChain.Zk.Tests", "Fixtures", "Circuits", "ptau", "pot12_final.ptau");

    private string R1cs => _dir.Combine($"semaphore-{Depth}.r1cs");

    [OneTimeSetUp]
    public void SetUpCeremony()
    {
        _dir = new TempDirectory();
        Expect(Zk("setup", "--depth", "2", "--ptau", Ptau, "--out", _dir.Path), 0, "semaphore-2_0000.zkey");
        string entropy = _dir.Combine("entropy.bin");
        File.WriteAllBytes(entropy, Enumerable.Range(0, 48).Select(i => (byte)(i * 7 + 3)).ToArray());
        Expect(Zk("contribute", "--zkey", _dir.Combine("semaphore-2_0000.zkey"), "--out", _dir.Combine("c1.zkey"), "--name", "alice",
            "--entropy-file", entropy), 0, "contribution #1 \"alice\"");
        _zkey = _dir.Combine("c2.zkey");
        Expect(Zk("contribute", "--zkey", _dir.Combine("c1.zkey"), "--out", _zkey, "--name", "bob"), 0, "contribution #2 \"bob\"");
        _vk = _dir.Combine("verification_key.json");
        Expect(Zk("export-vk", "--zkey", _zkey, "--out", _vk), 0, "4 public signals");

        _identity = _dir.Combine("identity.txt");
        File.WriteAllText(_identity, "trustchain zk cli test identity");
        SemaphoreIdentity member = new("trustchain zk cli test identity");
        string[] commitments = ["11", member.Commitment.ToString(), "33"];
        _members = _dir.Combine("members.json");
        File.WriteAllText(_members, JsonSerializer.Serialize(commitments));
    }

    [OneTimeTearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Verify_setup_checks_every_contribution()
    {
        CliRun run = Zk("verify-setup", "--zkey", _zkey, "--ptau", Ptau, "--depth", "2");
        Expect(run, 0, "valid: 2 contribution(s) verified");
        Assert.That(run.Output, Does.Contain("contribution #1 \"alice\"").And.Contain("contribution #2 \"bob\""));

        CliRun fromR1cs = Zk("verify-setup", "--zkey", _zkey, "--ptau", Ptau, "--r1cs", R1cs);
        Expect(fromR1cs, 0, "valid: 2 contribution(s) verified");
    }

    [Test]
    public void Verify_setup_rejects_a_key_for_another_circuit()
    {
        CliRun run = Zk("verify-setup", "--zkey", _zkey, "--ptau", Ptau, "--depth", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("INVALID"));
    }

    [Test]
    public void Semaphore_proof_verifies_here_and_in_snarkjs_and_tampering_is_caught()
    {
        string proof = _dir.Combine("sem-proof.json");
        string pub = _dir.Combine("sem-public.json");
        CliRun prove = Zk("prove", "--zkey", _zkey, "--identity-file", _identity, "--members", _members, "--message", "42",
            "--scope", "trustchain-test", "--depth", "2", "--proof", proof, "--public", pub);
        Expect(prove, 0, "points (Semaphore packed order");

        using (JsonDocument signals = JsonDocument.Parse(File.ReadAllText(pub)))
        {
            SemaphoreIdentity member = new("trustchain zk cli test identity");
            LeanImtTree tree = new();
            foreach (string leaf in new[] { "11", member.Commitment.ToString(), "33" })
            {
                tree.Insert(System.Numerics.BigInteger.Parse(leaf));
            }

            Assert.That(signals.RootElement[0].GetString(), Is.EqualTo(tree.Root.ToString()), "public root");
            Assert.That(signals.RootElement[1].GetString(), Is.EqualTo(member.Nullifier("trustchain-test").ToString()), "public nullifier");
        }

        Expect(Zk("verify", "--vk", _vk, "--proof", proof, "--public", pub), 0, "OK: the proof is valid");

        string tampered = _dir.Combine("sem-public-tampered.json");
        string[] values = JsonSerializer.Deserialize<string[]>(File.ReadAllText(pub))!;
        values[2] = (System.Numerics.BigInteger.Parse(values[2]) + 1).ToString();
        File.WriteAllText(tampered, JsonSerializer.Serialize(values));
        CliRun bad = Zk("verify", "--vk", _vk, "--proof", proof, "--public", tampered);
        Assert.That(bad.ExitCode, Is.EqualTo(1));
        Assert.That(bad.Output, Does.Contain("INVALID"));

        using JsonDocument snarkjs = SnarkjsCheck(proof, pub);
        Assert.Multiple(() =>
        {
            Assert.That(snarkjs.RootElement.GetProperty("zkeyValid").GetBoolean(), Is.True, "snarkjs zkey verify");
            Assert.That(snarkjs.RootElement.GetProperty("validWithExportedVk").GetBoolean(), Is.True, "snarkjs groth16 verify (its vk)");
            Assert.That(snarkjs.RootElement.GetProperty("validWithOurVk").GetBoolean(), Is.True, "snarkjs groth16 verify (our vk)");
            Assert.That(snarkjs.RootElement.GetProperty("validTampered").GetBoolean(), Is.False, "snarkjs rejects a tampered signal");
        });
    }

    [Test]
    public void Rapidsnark_mode_proves_from_a_wtns_file()
    {
        SemaphoreIdentity member = new("trustchain zk cli test identity");
        LeanImtTree tree = new();
        tree.Insert(member.Commitment);
        tree.Insert(5);
        string wtns = _dir.Combine("witness.wtns");
        File.WriteAllBytes(wtns, SemaphoreWitness.Compute(member, tree.GenerateProof(0), 7, 8, Depth).ToWtnsBytes());
        string proof = _dir.Combine("rs-proof.json");
        string pub = _dir.Combine("rs-public.json");

        Expect(Zk("prove", "--zkey", _zkey, "--witness", wtns, "--proof", proof, "--public", pub), 0, "proved in");
        Expect(Zk("verify", "--vk", _vk, "--proof", proof, "--public", pub), 0, "OK");
    }

    [Test]
    public void A_witness_for_another_depth_is_a_clear_error()
    {
        SemaphoreIdentity member = new("trustchain zk cli test identity");
        LeanImtTree tree = new();
        tree.Insert(member.Commitment);
        string wtns = _dir.Combine("depth3.wtns");
        File.WriteAllBytes(wtns, SemaphoreWitness.Compute(member, tree.GenerateProof(0), 1, 2, 3).ToWtnsBytes());
        CliRun run = Zk("prove", "--zkey", _zkey, "--witness", wtns, "--proof", _dir.Combine("x.json"), "--public", _dir.Combine("y.json"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("does not fit the proving key"));
        Assert.That(File.Exists(_dir.Combine("x.json")), Is.False, "nothing is written on failure");
    }

    [TestCase(new[] { "setup", "--depth", "33", "--ptau", "P", "--out", "O" }, 2, "--depth must be between 1 and 32")]
    [TestCase(new[] { "verify", "--proof", "p.json", "--public", "q.json" }, 2, "exactly one of --vk FILE or --semaphore-depth D")]
    [TestCase(new[] { "verify", "--semaphore-depth", "3", "--vk", "v", "--proof", "p", "--public", "q" }, 2, "exactly one of --vk")]
    [TestCase(new[] { "prove", "--zkey", "missing.zkey", "--witness", "w.wtns" }, 2, "file not found")]
    [TestCase(new[] { "verify-setup", "--zkey", "z", "--ptau", "p" }, 2, "exactly one of --r1cs FILE or --depth D")]
    public void Bad_arguments_are_reported_without_work(string[] args, int exitCode, string message)
    {
        CliRun run = Zk(args);
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void Prove_needs_exactly_one_mode()
    {
        CliRun run = Zk("prove", "--zkey", _zkey);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("exactly one of --witness FILE"));

        CliRun notMember = Zk("prove", "--zkey", _zkey, "--identity-file", _identity, "--members", WriteMembers("[\"1\",\"2\"]"),
            "--message", "1", "--scope", "2", "--depth", "2");
        Assert.That(notMember.ExitCode, Is.EqualTo(2));
        Assert.That(notMember.Error, Does.Contain("is not among the 2 members"));

        CliRun badMembers = Zk("prove", "--zkey", _zkey, "--identity-file", _identity, "--members", WriteMembers("{\"a\":1}"),
            "--message", "1", "--scope", "2");
        Assert.That(badMembers.Error, Does.Contain("must be a JSON array"));
    }

    [Test]
    public void Truncated_zkey_is_a_format_error()
    {
        string truncated = _dir.Combine("truncated.zkey");
        byte[] bytes = File.ReadAllBytes(_zkey);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        CliRun run = Zk("export-vk", "--zkey", truncated, "--out", _dir.Combine("vk2.json"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error:"));
        Assert.That(File.Exists(_dir.Combine("vk2.json")), Is.False);
    }

    private string WriteMembers(string json)
    {
        string path = _dir.Combine(Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private JsonDocument SnarkjsCheck(string proof, string pub)
    {
        ProcessStartInfo start = new("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "zk-circuit/check.mjs", R1cs, Ptau, _zkey, proof, pub, _vk })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("snarkjs check timed out");
        }

        Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
        return JsonDocument.Parse(stdout.Result);
    }

    private static CliRun Zk(params string[] args) => CliRun.Invoke(NoEnvironment, ["zk", .. args]);

    private static void Expect(CliRun run, int exitCode, string output)
    {
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), $"stdout: {run.Output}\nstderr: {run.Error}");
        Assert.That(run.Output, Does.Contain(output));
    }
}
