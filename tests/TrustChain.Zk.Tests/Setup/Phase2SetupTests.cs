using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Circuits;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using TrustChain.Zk.Setup;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Circuits;

namespace TrustChain.Zk.Tests.Setup;

/// <summary>
/// The full native pipeline at depth 1 against snarkjs: snarkjs ptau → our zkey new (+ contributions) → snarkjs zkey
/// verify → our proof → snarkjs groth16 verify with its exported key and with ours.
/// </summary>
[NonParallelizable]
public class Phase2SetupTests
{
    private const int Depth = 1;
    private const int Power = 12;

    private string _dir = "";
    private string _ptauPath = "";
    private string _r1csPath = "";
    private byte[] _ptau = [];
    private R1csFile _r1cs = null!;
    private Phase2Zkey _initial = null!;
    private Phase2Zkey _contributed = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        using (JsonDocument doc = CircuitInterop.RunNode("ptau.mjs", Power.ToString(CultureInfo.InvariantCulture), CircuitInterop.PtauDirectory()))
        {
            _ptauPath = doc.RootElement.GetProperty("prepared").GetString()!;
        }

        _ptau = File.ReadAllBytes(_ptauPath);
        _dir = CircuitInterop.TempDirectory($"roundtrip-{Environment.ProcessId}");
        byte[] r1csBytes = new SemaphoreCircuit(Depth).ToR1csBytes();
        _r1csPath = Path.Combine(_dir, "semaphore.r1cs");
        File.WriteAllBytes(_r1csPath, r1csBytes);
        _r1cs = R1csFile.Read(r1csBytes);

        Stopwatch sw = Stopwatch.StartNew();
        _initial = Phase2Setup.NewZkey(_r1cs, _ptau);
        TestContext.Progress.WriteLine($"zkey new (depth {Depth}, {_r1cs.Constraints.Length} constraints): {sw.ElapsedMilliseconds} ms");
        Phase2Zkey first = Phase2Setup.Contribute(_initial, Encoding.UTF8.GetBytes("first contributor entropy, 32+ bytes long"), "first");
        _contributed = Phase2Setup.Contribute(first, Encoding.UTF8.GetBytes("second contributor entropy, also 32+ bytes"));
    }

    [OneTimeTearDown]
    public void RemoveRunDirectory()
    {
        if (_dir.Length > 0 && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void NewZkey_EqualsSnarkjsZkeyNew()
    {
        string snarkjsPath = Path.Combine(_dir, "snarkjs-new.zkey");
        using JsonDocument doc = CircuitInterop.RunNode("zkey-new.mjs", _r1csPath, _ptauPath, snarkjsPath);
        Phase2Zkey snarkjs = Phase2Zkey.ReadFile(snarkjsPath);
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexStringLower(_initial.CircuitHash), Is.EqualTo(doc.RootElement.GetProperty("csHash").GetString()));
            Assert.That(_initial.DomainSize, Is.EqualTo(snarkjs.DomainSize));
            Assert.That(_initial.Ic, Is.EqualTo(snarkjs.Ic));
            Assert.That(_initial.Coefficients, Is.EqualTo(snarkjs.Coefficients));
            Assert.That(_initial.A, Is.EqualTo(snarkjs.A));
            Assert.That(_initial.B1, Is.EqualTo(snarkjs.B1));
            Assert.That(_initial.B2, Is.EqualTo(snarkjs.B2));
            Assert.That(_initial.C, Is.EqualTo(snarkjs.C));
            Assert.That(_initial.H, Is.EqualTo(snarkjs.H));
            Assert.That(_initial.Delta2, Is.EqualTo(snarkjs.Delta2));
        });
    }

    [Test]
    public void RoundTrip_SnarkjsAcceptsOurKeyAndProof()
    {
        Phase2VerificationResult ours = Phase2Setup.VerifySetup(_r1cs, _ptau, _contributed);
        Assert.That(ours.IsValid, Is.True, ours.Failure);
        Assert.That(ours.ContributionHashes, Has.Count.EqualTo(2));

        string zkeyPath = Path.Combine(_dir, "semaphore.zkey");
        File.WriteAllBytes(zkeyPath, _contributed.ToBytes());

        SemaphoreIdentity identity = new("trustchain-setup-roundtrip");
        LeanImtTree tree = new();
        tree.Insert(Fr.FromUInt64(11));
        tree.Insert(identity.Commitment);
        SemaphoreWitness witness = SemaphoreWitness.Compute(identity, tree.GenerateProof(1), 42, 7, Depth);

        ZkeyFile provingKey = _contributed.ToZkeyFile();
        Stopwatch sw = Stopwatch.StartNew();
        (Groth16Proof proof, Fr[] publicSignals) = Groth16Prover.Prove(provingKey, witness.ToArray());
        TestContext.Progress.WriteLine($"prove (depth {Depth}): {sw.ElapsedMilliseconds} ms");
        Assert.That(publicSignals, Is.EqualTo(witness.PublicSignals));
        Assert.That(publicSignals[0], Is.EqualTo(tree.Root));

        VerificationKey vk = _contributed.VerificationKey;
        Assert.That(Groth16Verifier.Verify(vk, proof, publicSignals), Is.True);
        Fr[] tampered = [.. publicSignals];
        tampered[3] += Fr.One;
        Assert.That(Groth16Verifier.Verify(vk, proof, tampered), Is.False);

        string proofPath = Path.Combine(_dir, "proof.json");
        string publicPath = Path.Combine(_dir, "public.json");
        string vkPath = Path.Combine(_dir, "verification_key.json");
        File.WriteAllText(proofPath, proof.ToJson());
        File.WriteAllText(publicPath, PublicSignals.ToJson(publicSignals));
        File.WriteAllText(vkPath, vk.ToJson());

        using JsonDocument check = CircuitInterop.RunNode("check.mjs", _r1csPath, _ptauPath, zkeyPath, proofPath, publicPath, vkPath);
        JsonElement r = check.RootElement;
        JsonElement info = r.GetProperty("r1cs");
        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("nConstraints").GetInt32(), Is.EqualTo(_r1cs.Constraints.Length));
            Assert.That(info.GetProperty("nVars").GetInt32(), Is.EqualTo(_r1cs.WireCount));
            Assert.That(info.GetProperty("nOutputs").GetInt32(), Is.EqualTo(2));
            Assert.That(info.GetProperty("nPubInputs").GetInt32(), Is.EqualTo(2));
            Assert.That(info.GetProperty("nPrvInputs").GetInt32(), Is.EqualTo(3 + Depth));
            Assert.That(r.GetProperty("zkeyValid").GetBoolean(), Is.True, r.GetProperty("zkeyErrors").GetRawText());
            Assert.That(r.GetProperty("validWithExportedVk").GetBoolean(), Is.True);
            Assert.That(r.GetProperty("validWithOurVk").GetBoolean(), Is.True);
            Assert.That(r.GetProperty("validTampered").GetBoolean(), Is.False);
            Assert.That(VerificationKey.FromJson(r.GetProperty("exportedVk")).ContentEquals(vk), Is.True);
        });
    }

    [Test]
    public void SnarkjsContribution_OnOurKey_PassesOurVerifier()
    {
        string inPath = Path.Combine(_dir, "to-snarkjs.zkey");
        string outPath = Path.Combine(_dir, "from-snarkjs.zkey");
        File.WriteAllBytes(inPath, _contributed.ToBytes());
        using JsonDocument doc = CircuitInterop.RunNode("zkey-contribute.mjs", inPath, outPath);
        Phase2Zkey withSnarkjs = Phase2Zkey.ReadFile(outPath);

        Phase2VerificationResult result = Phase2Setup.VerifySetup(_r1cs, _ptau, withSnarkjs);
        Assert.That(result.IsValid, Is.True, result.Failure);
        Assert.That(withSnarkjs.Contributions, Has.Count.EqualTo(3));
        Assert.That(withSnarkjs.Contributions[0].Name, Is.EqualTo("first"));
        Assert.That(withSnarkjs.Contributions[2].Name, Is.EqualTo("snarkjs contributor"));
        Assert.That(Convert.ToHexStringLower(result.ContributionHashes[2]), Is.EqualTo(doc.RootElement.GetProperty("contributionHash").GetString()));
    }

    [Test]
    public void ZkeyBytes_RoundTrip()
    {
        byte[] bytes = _contributed.ToBytes();
        Phase2Zkey read = Phase2Zkey.Read(bytes);
        Assert.That(read.ToBytes(), Is.EqualTo(bytes));
        Assert.That(read.Contributions[0].Name, Is.EqualTo("first"));
        Assert.That(read.Contributions[1].Name, Is.Null);
    }

    private enum Tamper
    {
        TranscriptByte,
        SwappedProofOfKnowledge,
        CPoint,
        HPoint,
    }

    [TestCase(Tamper.TranscriptByte)]
    [TestCase(Tamper.SwappedProofOfKnowledge)]
    [TestCase(Tamper.CPoint)]
    [TestCase(Tamper.HPoint)]
    public void TamperedKey_FailsVerifySetup(object tamper)
    {
        byte[] bytes = _contributed.ToBytes();
        int mpc = SectionOffset(bytes, 10);
        int firstContribution = mpc + 64 + 4;
        switch ((Tamper)tamper)
        {
            case Tamper.TranscriptByte:
                bytes[firstContribution + 64 * 3 + 128 + 5] ^= 1;
                break;
            case Tamper.SwappedProofOfKnowledge:
                byte[] g1S = bytes.AsSpan(firstContribution + 64, 64).ToArray();
                bytes.AsSpan(firstContribution + 128, 64).CopyTo(bytes.AsSpan(firstContribution + 64));
                g1S.CopyTo(bytes.AsSpan(firstContribution + 128));
                break;
            case Tamper.CPoint:
                bytes.AsSpan(SectionOffset(bytes, 8) + 64, 64).CopyTo(bytes.AsSpan(SectionOffset(bytes, 8)));
                break;
            case Tamper.HPoint:
                bytes.AsSpan(SectionOffset(bytes, 9) + 64, 64).CopyTo(bytes.AsSpan(SectionOffset(bytes, 9)));
                break;
        }

        Phase2VerificationResult result = Phase2Setup.VerifyFromInitial(_initial, Phase2Zkey.Read(bytes));
        Assert.That(result.IsValid, Is.False);
        TestContext.Out.WriteLine(result.Failure);
    }

    [Test]
    public void KeyForAnotherCircuit_FailsVerifySetup()
    {
        R1csFile other = new SemaphoreCircuit(Depth + 1).ToR1csBytes() is { } bytes ? R1csFile.Read(bytes) : throw new InvalidOperationException();
        Phase2VerificationResult result = Phase2Setup.VerifySetup(other, _ptau, _contributed);
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void BadInputs_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => Phase2Setup.Contribute(_initial, new byte[8]));
        string unprepared = Path.Combine(Path.GetDirectoryName(_ptauPath)!, $"pot{Power}_0001.ptau");
        Assert.Throws<ZkFormatException>(() => Phase2Setup.NewZkey(_r1cs, File.ReadAllBytes(unprepared)));
        Assert.Throws<ZkFormatException>(() => Phase2Zkey.Read(_ptau));
    }

    private static int SectionOffset(byte[] data, uint id)
    {
        int pos = 12;
        while (pos < data.Length)
        {
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(pos));
            long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(pos + 4));
            if (type == id)
            {
                return pos + 12;
            }

            pos += 12 + (int)size;
        }

        throw new InvalidOperationException($"section {id} not found");
    }
}
