using System.Numerics;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Tests.Groth16;

public class SemaphoreProofTests
{
    private static BigInteger[] ValidPoints()
    {
        Groth16Proof proof = new(G1Affine.Generator, G2Affine.Generator, G1Affine.Generator.Multiply(Fr.FromUInt64(7)).ToAffine());
        return SemaphoreProof.Pack(proof);
    }

    [Test]
    public void Pack_UsesImaginaryFirstG2Order()
    {
        BigInteger[] packed = ValidPoints();
        Assert.That(packed[2], Is.EqualTo(G2Affine.Generator.X.C1.ToBigInteger()));
        Assert.That(packed[3], Is.EqualTo(G2Affine.Generator.X.C0.ToBigInteger()));
        Assert.That(packed[4], Is.EqualTo(G2Affine.Generator.Y.C1.ToBigInteger()));
        Assert.That(packed[5], Is.EqualTo(G2Affine.Generator.Y.C0.ToBigInteger()));

        // The ABI words equal the EIP-197 encoding of B, which is also imaginary part first.
        byte[] abi = SemaphoreProof.PackToBytes(SemaphoreProof.Unpack(packed));
        Assert.That(abi.AsSpan(64, 128).ToArray(), Is.EqualTo(G2Affine.Generator.ToBytes()));
    }

    [Test]
    public void Unpack_WrongCount_IsRejected() =>
        Assert.That(() => SemaphoreProof.Unpack(ValidPoints()[..7]), Throws.TypeOf<ZkFormatException>().With.Message.Contains("8 values"));

    [Test]
    public void Unpack_ValueNotBelowQ_IsRejected()
    {
        BigInteger[] points = ValidPoints();
        points[5] = Fq.Modulus;
        Assert.That(() => SemaphoreProof.Unpack(points), Throws.TypeOf<ZkFormatException>().With.Message.Contains("value 5"));
    }

    [Test]
    public void Unpack_SwappedG2Halves_IsRejectedAsInvalidPoint()
    {
        BigInteger[] points = ValidPoints();
        (points[2], points[3]) = (points[3], points[2]);
        Assert.That(() => SemaphoreProof.Unpack(points), Throws.TypeOf<ZkFormatException>().With.Message.Contains("point B"));
    }

    [Test]
    public void Unpack_WrongByteLength_IsRejected() =>
        Assert.That(() => SemaphoreProof.Unpack(new byte[255]), Throws.TypeOf<ZkFormatException>().With.Message.Contains("256 bytes"));
}
