using System.Buffers.Binary;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Groth16;

namespace TrustChain.Zk.Tests.Snarkjs;

public class ZkeyFileTests
{
    private static byte[]? _depth1;

    private static byte[] Depth1Bytes()
    {
        string interop = Groth16TestFiles.RequireInterop();
        return _depth1 ??= File.ReadAllBytes(Groth16TestFiles.ArtifactPath(interop, 1, "zkey"));
    }

    [Test]
    public void OfficialDepth1_VerificationKey_EqualsSnarkjsExportAndSemaphoreBundle()
    {
        ZkeyFile zkey = Groth16TestFiles.ZkeyDepth1();
        VerificationKey exported = VerificationKey.FromJson(File.ReadAllText(Groth16TestFiles.Semaphore(1).VkPath));

        Assert.That(zkey.VerificationKey.ContentEquals(exported), Is.True);
        Assert.That(zkey.VerificationKey.ContentEquals(SemaphoreVerificationKeys.ForDepth(1)), Is.True);
        Assert.That(zkey.PublicCount, Is.EqualTo(4));
        Assert.That(zkey.A, Has.Length.EqualTo(zkey.VariableCount));
        Assert.That(zkey.C, Has.Length.EqualTo(zkey.VariableCount - zkey.PublicCount - 1));
        Assert.That(zkey.H, Has.Length.EqualTo(zkey.DomainSize));
    }

    [Test]
    public void OfficialDepth1_ExportedJson_IsByteIdenticalToSnarkjs()
    {
        ZkeyFile zkey = Groth16TestFiles.ZkeyDepth1();
        Assert.That(zkey.VerificationKey.ToJson(), Is.EqualTo(File.ReadAllText(Groth16TestFiles.Semaphore(1).VkPath)));
    }

    [TestCase(1u)]
    [TestCase(2u)]
    [TestCase(3u)]
    [TestCase(4u)]
    [TestCase(5u)]
    [TestCase(6u)]
    [TestCase(7u)]
    [TestCase(8u)]
    [TestCase(9u)]
    public void Truncated_InsideSection_IsRejectedNamingIt(uint section)
    {
        byte[] data = Depth1Bytes();
        (int offset, int length) = BinFileBytes.Locate(data, section);
        byte[] truncated = data[..(offset + length / 2)];
        Assert.That(() => ZkeyFile.Read(truncated), Throws.TypeOf<ZkFormatException>().With.Message.Contains($"section {section}"));
    }

    /// <summary>Per section, a value that is out of range: protocol id, a coordinate ≥ q, a signal index ≥ nVars.</summary>
    [TestCase(1u, 0, 4)]
    [TestCase(2u, 84, 32)]
    [TestCase(3u, 0, 32)]
    [TestCase(4u, 12, 4)]
    [TestCase(5u, 64, 32)]
    [TestCase(6u, 64, 32)]
    [TestCase(7u, 128, 32)]
    [TestCase(8u, 0, 32)]
    [TestCase(9u, 0, 32)]
    public void Corrupted_Section_IsRejectedNamingIt(uint section, int at, int count)
    {
        byte[] data = (byte[])Depth1Bytes().Clone();
        (int offset, _) = BinFileBytes.Locate(data, section);
        data.AsSpan(offset + at, count).Fill(0xFF);
        Assert.That(() => ZkeyFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains($"section {section}"));
    }

    [Test]
    public void PointOffCurve_IsRejected()
    {
        byte[] data = (byte[])Depth1Bytes().Clone();
        (int offset, _) = BinFileBytes.Locate(data, 3);
        data[offset + 40] ^= 1;
        Assert.That(() => ZkeyFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("not on the G1 curve"));
    }

    [Test]
    public void WrongMagicVersionOrTrailingBytes_AreRejected()
    {
        byte[] data = (byte[])Depth1Bytes().Clone();
        data[0] = (byte)'x';
        Assert.That(() => ZkeyFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("magic"));

        data = (byte[])Depth1Bytes().Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 9);
        Assert.That(() => ZkeyFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("version 9"));

        Assert.That(() => ZkeyFile.Read([.. Depth1Bytes(), 0]), Throws.TypeOf<ZkFormatException>().With.Message.Contains("trailing"));
        Assert.That(() => ZkeyFile.Read([1, 2, 3]), Throws.TypeOf<ZkFormatException>().With.Message.Contains("truncated"));
    }
}
