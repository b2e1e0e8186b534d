using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>The CLI entry points on files holding the Semaphore vector (no node needed).</summary>
public class Groth16FilesTests
{
    private static (string Vk, string Proof, string Public) WriteVector(Action<JsonNode>? mutatePublic = null)
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        JsonElement snarkjs = doc.RootElement.GetProperty("snarkjs");
        string dir = Groth16TestFiles.TempDirectory();
        string vk = Path.Combine(dir, "verification_key.json");
        string proof = Path.Combine(dir, "proof.json");
        string pub = Path.Combine(dir, "public.json");
        File.WriteAllText(vk, snarkjs.GetProperty("verificationKey").GetRawText());
        File.WriteAllText(proof, snarkjs.GetProperty("proof").GetRawText());
        JsonNode signals = JsonNode.Parse(snarkjs.GetProperty("publicSignals").GetRawText())!;
        mutatePublic?.Invoke(signals);
        File.WriteAllText(pub, signals.ToJsonString());
        return (vk, proof, pub);
    }

    [Test]
    public void VerifyFromFiles_AcceptsVector()
    {
        (string vk, string proof, string pub) = WriteVector();
        Assert.That(Groth16Files.VerifyFromFiles(vk, proof, pub), Is.True);
    }

    [Test]
    public void VerifyFromFiles_ChangedSignal_ReturnsFalse()
    {
        (string vk, string proof, string pub) = WriteVector(s => s[3] = "5");
        Assert.That(Groth16Files.VerifyFromFiles(vk, proof, pub), Is.False);
    }

    [Test]
    public void VerifyFromFiles_SignalCountMismatch_IsFormatError()
    {
        (string vk, string proof, string pub) = WriteVector(s => s.AsArray().RemoveAt(3));
        Assert.That(() => Groth16Files.VerifyFromFiles(vk, proof, pub), Throws.TypeOf<ZkFormatException>().With.Message.Contains("expects 4 public signals"));
    }

    [Test]
    public void MissingFiles_AreFormatErrors()
    {
        (string vk, string proof, _) = WriteVector();
        string missing = Path.Combine(Groth16TestFiles.TempDirectory(), "absent.json");
        Assert.That(() => Groth16Files.VerifyFromFiles(vk, proof, missing), Throws.TypeOf<ZkFormatException>().With.Message.Contains("absent.json"));
        Assert.That(() => Groth16Files.ProveFromFiles(missing, missing), Throws.TypeOf<ZkFormatException>());
    }
}
