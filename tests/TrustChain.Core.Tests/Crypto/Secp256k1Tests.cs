using System.Numerics;
using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Core.Tests.Crypto;

public class Secp256k1Tests
{
    // Hardhat/anvil dev accounts #0 and #1; other values computed with ethers 6 (SigningKey).
    private const string HardhatKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string HardhatKey1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static readonly BigInteger N = EcdsaSignature.CurveOrder.ToBigInteger();

    [TestCase(HardhatKey0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [TestCase(HardhatKey1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    public void PrivateKey_DerivesKnownAddress(string key, string address)
    {
        Assert.That(new PrivateKey(key).Address.ToString(), Is.EqualTo(address));
    }

    [Test]
    public void PublicKey_MatchesEthers()
    {
        PrivateKey key = new(HardhatKey0);
        Assert.That(Hex.ToHexString(key.PublicKey), Is.EqualTo(
            "0x8318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed753547f11ca8696646f2f3acb08e31016afac23e630c5d11f59f61fef57b0d2aa5"));
        Span<byte> compressed = stackalloc byte[33];
        Assert.That(Secp256k1.TryCompressPublicKey(new PrivateKey(HardhatKey1).PublicKey, compressed), Is.True);
        Assert.That(Hex.ToHexString(compressed), Is.EqualTo("0x02ba5734d8f7091719471e7f7ed6b9df170dc70cc661ca05e688601ad984f068b0"));
        Span<byte> back = stackalloc byte[64];
        Assert.That(Secp256k1.TryParsePublicKey(compressed, back), Is.True);
        Assert.That(back.ToArray(), Is.EqualTo(new PrivateKey(HardhatKey1).PublicKey.ToArray()));
    }

    [Test]
    public void Sign_IsRfc6979Deterministic_MatchesEthers()
    {
        Hash256 message = Keccak256.Compute(Encoding.UTF8.GetBytes("trustchain"));
        Assert.That(message.ToString(), Is.EqualTo("0x518e5f2b6591b069ee9399f152ea1739593a15962905fe2e990db2c2b57173ef"));
        EcdsaSignature signature = new PrivateKey(HardhatKey0).Sign(message);
        Assert.That(signature.R, Is.EqualTo(UInt256.Parse("0xa035bb5fd8d646c30f9777ae9c0db739f1fc7ef3648e65fe0f404da02acc3b82")));
        Assert.That(signature.S, Is.EqualTo(UInt256.Parse("0x5df9172a482976a950d21bbd87e0db4813e4bc39050e9e8a27ec09c4e78a2110")));
        Assert.That(signature.V, Is.EqualTo(27));
    }

    [Test]
    public void SignRecoverVerify_RandomKeys_RoundTrip()
    {
        Random random = new(7);
        byte[] hash = new byte[32];
        for (int i = 0; i < 50; i++)
        {
            PrivateKey key = PrivateKey.Generate();
            random.NextBytes(hash);
            Hash256 message = new(hash);
            EcdsaSignature signature = key.Sign(message);
            Assert.That(signature.IsLowS, Is.True);
            Assert.That(Ecdsa.EcRecover(message, signature), Is.EqualTo(key.Address));

            byte[] compact = signature.ToBytes65()[..64];
            Assert.That(Secp256k1.Verify(hash, compact, key.PublicKey), Is.True);
            hash[0] ^= 1;
            Assert.That(Secp256k1.Verify(hash, compact, key.PublicKey), Is.False);
            Assert.That(Ecdsa.EcRecover(new Hash256(hash), signature), Is.Not.EqualTo(key.Address));
        }
    }

    [Test]
    public void Recover_RejectsOutOfRangeInputs()
    {
        Hash256 message = Keccak256.Compute([1]);
        EcdsaSignature good = new PrivateKey(HardhatKey0).Sign(message);
        Assert.That(Ecdsa.EcRecover(message, new EcdsaSignature(UInt256.Zero, good.S, good.RecoveryId)), Is.Null);
        Assert.That(Ecdsa.EcRecover(message, new EcdsaSignature(good.R, EcdsaSignature.CurveOrder, good.RecoveryId)), Is.Null);
        Assert.That(Ecdsa.EcRecover(message, new EcdsaSignature(good.R, good.S, 7)), Is.Null);
        Span<byte> pub = stackalloc byte[64];
        Assert.That(Secp256k1.TryRecoverPublicKey(message.Bytes, good.ToBytes65()[..64], 4, pub), Is.False);
    }

    [Test]
    public void HighS_RecoversButIsFlagged()
    {
        Hash256 message = Keccak256.Compute([2]);
        PrivateKey key = new(HardhatKey1);
        EcdsaSignature low = key.Sign(message);
        EcdsaSignature high = new(low.R, EcdsaSignature.CurveOrder - low.S, (byte)(low.RecoveryId ^ 1));
        Assert.That(high.IsLowS, Is.False);
        Assert.That(Ecdsa.EcRecover(message, high), Is.EqualTo(key.Address));
        Assert.That(Secp256k1.Verify(message.Bytes, high.ToBytes65()[..64], key.PublicKey), Is.False);
    }

    [TestCase("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    public void PrivateKey_OutOfRange_Throws(string hex)
    {
        Assert.That(Secp256k1.IsValidPrivateKey(Hex.FromHexString(hex)), Is.False);
        Assert.Throws<ArgumentException>(() => _ = new PrivateKey(hex));
    }

    [Test]
    public void Ecdh_IsSymmetric_AndMatchesEthersX()
    {
        PrivateKey a = new(HardhatKey0);
        PrivateKey b = new(HardhatKey1);
        Span<byte> ab = stackalloc byte[32];
        Span<byte> ba = stackalloc byte[32];
        Assert.That(Secp256k1.TryEcdh(b.PublicKey, a.KeyBytes, ab), Is.True);
        Assert.That(Secp256k1.TryEcdh(a.PublicKey, b.KeyBytes, ba), Is.True);
        Assert.That(ab.ToArray(), Is.EqualTo(ba.ToArray()));
        Assert.That(Hex.ToHexString(ab), Is.EqualTo("0xeeaec6bd520b571fcf896dfd9e35148c23c5f11d0d107f3bc3281cbbe0236574"));
    }

    [Test]
    public void MultiplyAndAdd_AgreeWithScalarArithmetic()
    {
        Random random = new(99);
        for (int i = 0; i < 20; i++)
        {
            BigInteger k1 = RandomScalar(random);
            BigInteger k2 = RandomScalar(random);
            byte[] pub1 = PublicOf(k1);
            byte[] pub2 = PublicOf(k2);

            byte[] product = new byte[64];
            Assert.That(Secp256k1.TryMultiply(pub1, ToBytes32(k2), product), Is.True);
            Assert.That(product, Is.EqualTo(PublicOf(k1 * k2 % N)));

            byte[] sum = new byte[64];
            Assert.That(Secp256k1.TryAdd(pub1, pub2, sum), Is.True);
            Assert.That(sum, Is.EqualTo(PublicOf((k1 + k2) % N)));
        }

        byte[] p = PublicOf(5);
        Assert.That(Secp256k1.TryMultiply(p, new byte[32], new byte[64]), Is.False, "zero scalar");
        Assert.That(Secp256k1.TryAdd(p, PublicOf(N - 5), new byte[64]), Is.False, "P + (-P) is infinity");
        Assert.That(Secp256k1.IsValidPublicKey(new byte[64]), Is.False);
    }

    private static BigInteger RandomScalar(Random random)
    {
        byte[] bytes = new byte[32];
        random.NextBytes(bytes);
        BigInteger value = new BigInteger(bytes, isUnsigned: true) % N;
        return value.IsZero ? 1 : value;
    }

    private static byte[] ToBytes32(BigInteger value) => UInt256.FromBigInteger(value).ToBigEndian();

    private static byte[] PublicOf(BigInteger scalar) => new PrivateKey(ToBytes32(scalar)).PublicKey.ToArray();
}
