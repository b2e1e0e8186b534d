using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Groth16;

namespace TrustChain.Zk.Tests.Snarkjs;

/// <summary>A power-3 ceremony file made by snarkjs (new + contribute + prepare phase2), checked through pairings.</summary>
public class PtauFileTests
{
    private static (string Contributed, string Prepared)? _files;

    private static (string Contributed, string Prepared) Files()
    {
        if (_files is null)
        {
            using JsonDocument doc = Groth16TestFiles.RunNode("ptau.mjs", "3", Groth16TestFiles.TempDirectory());
            _files = (doc.RootElement.GetProperty("contributed").GetString()!, doc.RootElement.GetProperty("prepared").GetString()!);
        }

        return _files.Value;
    }

    [Test]
    public void SnarkjsCeremony_PointsAreConsistentPowers()
    {
        PtauFile ptau = PtauFile.ReadFile(Files().Contributed);
        Assert.That(ptau.Power, Is.EqualTo(3));
        Assert.That(ptau.TauG1, Has.Length.EqualTo(15));
        Assert.That(ptau.TauG2, Has.Length.EqualTo(8));
        Assert.That(ptau.IsPreparedForPhase2, Is.False);
        Assert.That(ptau.TauG1[0], Is.EqualTo(G1Affine.Generator));
        Assert.That(ptau.TauG2[0], Is.EqualTo(G2Affine.Generator));

        G2Affine tau2 = ptau.TauG2[1];
        for (int i = 0; i + 1 < ptau.TauG1.Length; i++)
        {
            // e(τ^{i+1}·G1, G2) = e(τ^i·G1, τ·G2): a wrong coordinate order or Montgomery handling breaks this.
            Assert.That(Pairing.PairingCheck([ptau.TauG1[i + 1], -ptau.TauG1[i]], [G2Affine.Generator, tau2]), Is.True, $"tauG1[{i + 1}]");
        }

        Assert.That(Pairing.PairingCheck([ptau.TauG1[5], -G1Affine.Generator], [G2Affine.Generator, ptau.TauG2[5]]), Is.True, "tauG2[5]");
        Assert.That(Pairing.PairingCheck([ptau.AlphaTauG1[1], -ptau.AlphaTauG1[0]], [G2Affine.Generator, tau2]), Is.True, "alphaTauG1");
        Assert.That(Pairing.PairingCheck([ptau.BetaTauG1[0], -G1Affine.Generator], [G2Affine.Generator, ptau.BetaG2]), Is.True, "betaG2");
    }

    [Test]
    public void PreparedFile_IsRecognisedAndSamePowers()
    {
        PtauFile contributed = PtauFile.ReadFile(Files().Contributed);
        PtauFile prepared = PtauFile.ReadFile(Files().Prepared);
        Assert.That(prepared.IsPreparedForPhase2, Is.True);
        Assert.That(prepared.TauG1, Is.EqualTo(contributed.TauG1));
        Assert.That(prepared.BetaG2, Is.EqualTo(contributed.BetaG2));
    }

    [TestCase(1u)]
    [TestCase(2u)]
    [TestCase(3u)]
    [TestCase(4u)]
    [TestCase(5u)]
    [TestCase(6u)]
    public void Truncated_IsRejectedNamingTheSection(uint section)
    {
        byte[] data = File.ReadAllBytes(Files().Contributed);
        (int offset, int length) = BinFileBytes.Locate(data, section);
        Assert.That(() => PtauFile.Read(data[..(offset + length / 2)]), Throws.TypeOf<ZkFormatException>().With.Message.Contains($"section {section}"));
    }

    [Test]
    public void CoordinateNotBelowQ_IsRejectedNamingTheSection()
    {
        byte[] data = File.ReadAllBytes(Files().Contributed);
        (int offset, _) = BinFileBytes.Locate(data, 4);
        data.AsSpan(offset, 32).Fill(0xFF);
        Assert.That(() => PtauFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("section 4 (alphaTauG1)"));
    }
}
