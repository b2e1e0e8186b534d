using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Groth16;

namespace TrustChain.Zk.Tests.Snarkjs;

public class WtnsFileTests
{
    private static readonly Fr[] Sample = [Fr.One, Fr.FromUInt64(5), -Fr.One, Fr.Zero];

    [Test]
    public void SnarkjsWitness_ReadsAndRewritesByteIdentically()
    {
        byte[] original = File.ReadAllBytes(Groth16TestFiles.Semaphore(1).WtnsPath);
        Fr[] witness = WtnsFile.Read(original);
        Assert.That(witness[0].IsOne, Is.True);
        Assert.That(WtnsFile.Write(witness), Is.EqualTo(original));
    }

    [Test]
    public void WriteThenRead_RoundTrips() => Assert.That(WtnsFile.Read(WtnsFile.Write(Sample)), Is.EqualTo(Sample));

    [Test]
    public void Truncated_IsRejectedNamingTheSection()
    {
        byte[] data = WtnsFile.Write(Sample);
        Assert.That(() => WtnsFile.Read(data[..^10]), Throws.TypeOf<ZkFormatException>().With.Message.Contains("section 2"));
    }

    [Test]
    public void ValueNotBelowR_IsRejected()
    {
        byte[] data = WtnsFile.Write(Sample);
        (int offset, _) = BinFileBytes.Locate(data, 2);
        data.AsSpan(offset + 32, 32).Fill(0xFF);
        Assert.That(() => WtnsFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("witness 1 is not below r"));
    }

    [Test]
    public void WrongPrimeOrCount_IsRejected()
    {
        byte[] data = WtnsFile.Write(Sample);
        (int offset, _) = BinFileBytes.Locate(data, 1);
        data[offset + 4] ^= 1;
        Assert.That(() => WtnsFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("section 1"));

        data = WtnsFile.Write(Sample);
        data[offset + 36] = 5;
        Assert.That(() => WtnsFile.Read(data), Throws.TypeOf<ZkFormatException>().With.Message.Contains("declares 5 values"));
    }

    [Test]
    public void FirstValueNotOne_IsRejected() =>
        Assert.That(() => WtnsFile.Read(WtnsFile.Write([Fr.FromUInt64(2)])), Throws.TypeOf<ZkFormatException>().With.Message.Contains("constant 1"));
}
