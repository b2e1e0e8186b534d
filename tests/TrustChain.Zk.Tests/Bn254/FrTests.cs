using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class FrTests
{
    private static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private static BigInteger Mod(BigInteger v) => ((v % R) + R) % R;

    private static BigInteger RandomBig(Random rnd)
    {
        byte[] b = new byte[40];
        rnd.NextBytes(b);
        return Mod(new BigInteger(b, isUnsigned: true));
    }

    private static IEnumerable<BigInteger> EdgeValues() =>
        [BigInteger.Zero, BigInteger.One, R - 1, R - 2, (R - 1) / 2, (R + 1) / 2, BigInteger.Pow(2, 64), BigInteger.Pow(2, 253)];

    [Test]
    public void Modulus_MatchesSpec() => Assert.That(Fr.Modulus, Is.EqualTo(R));

    [Test]
    public void Arithmetic_MatchesBigInteger_OnRandomAndEdgeValues()
    {
        Random rnd = new(1234);
        List<BigInteger> values = [.. EdgeValues()];
        for (int i = 0; i < 200; i++)
        {
            values.Add(RandomBig(rnd));
        }

        for (int i = 0; i < values.Count; i++)
        {
            BigInteger a = values[i];
            BigInteger b = values[(i * 7 + 3) % values.Count];
            Fr fa = Fr.FromBigInteger(a);
            Fr fb = Fr.FromBigInteger(b);
            Assert.That((fa + fb).ToBigInteger(), Is.EqualTo(Mod(a + b)));
            Assert.That((fa - fb).ToBigInteger(), Is.EqualTo(Mod(a - b)));
            Assert.That((fa * fb).ToBigInteger(), Is.EqualTo(Mod(a * b)));
            Assert.That((-fa).ToBigInteger(), Is.EqualTo(Mod(-a)));
            Assert.That(fa.Square().ToBigInteger(), Is.EqualTo(Mod(a * a)));
            Assert.That(fa.Pow(65537UL).ToBigInteger(), Is.EqualTo(BigInteger.ModPow(a, 65537, R)));
            Assert.That(fa.Halve().Double(), Is.EqualTo(fa));
            Assert.That(fa.Halve().ToBigInteger(), Is.EqualTo(Mod(a * ((R + 1) / 2))));
        }
    }

    [Test]
    public void Inverse_TimesSelf_IsOne()
    {
        Random rnd = new(99);
        for (int i = 0; i < 50; i++)
        {
            BigInteger a = RandomBig(rnd);
            if (a.IsZero)
            {
                continue;
            }

            Fr inv = Fr.FromBigInteger(a).Inverse();
            Assert.That(inv.ToBigInteger(), Is.EqualTo(BigInteger.ModPow(a, R - 2, R)));
            Assert.That((inv * Fr.FromBigInteger(a)).IsOne, Is.True);
        }
    }

    [Test]
    public void Inverse_OfZero_Throws() => Assert.Throws<DivideByZeroException>(() => Fr.Zero.Inverse());

    [Test]
    public void BatchInverse_MatchesSingleInverse_AndRejectsZeroWithoutChanges()
    {
        Random rnd = new(5);
        Fr[] values = new Fr[17];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Fr.FromRandom(rnd);
        }

        Fr[] expected = [.. values.Select(v => v.Inverse())];
        Fr[] batch = (Fr[])values.Clone();
        Fr.BatchInverse(batch);
        Assert.That(batch, Is.EqualTo(expected));

        Fr[] withZero = (Fr[])values.Clone();
        withZero[9] = Fr.Zero;
        Fr[] snapshot = (Fr[])withZero.Clone();
        Assert.Throws<DivideByZeroException>(() => Fr.BatchInverse(withZero));
        Assert.That(withZero, Is.EqualTo(snapshot));
    }

    [Test]
    public void Pow_WithFrExponent_MatchesModPow()
    {
        Random rnd = new(7);
        BigInteger a = RandomBig(rnd);
        BigInteger e = RandomBig(rnd);
        Assert.That(Fr.FromBigInteger(a).Pow(Fr.FromBigInteger(e)).ToBigInteger(), Is.EqualTo(BigInteger.ModPow(a, e, R)));
    }

    [Test]
    public void FromBigInteger_ReducesNegativeAndLargeValues()
    {
        Assert.That(Fr.FromBigInteger(-1).ToBigInteger(), Is.EqualTo(R - 1));
        Assert.That(Fr.FromBigInteger(R).IsZero, Is.True);
        Assert.That(Fr.FromBigInteger(R * 5 + 3).ToBigInteger(), Is.EqualTo(new BigInteger(3)));
        Assert.That(Fr.FromUInt64(ulong.MaxValue).ToBigInteger(), Is.EqualTo(new BigInteger(ulong.MaxValue)));
    }

    [Test]
    public void Bytes_RoundTrip_BothEndiannesses()
    {
        Random rnd = new(11);
        for (int i = 0; i < 20; i++)
        {
            Fr a = Fr.FromRandom(rnd);
            byte[] be = a.ToBytesBigEndian();
            byte[] le = a.ToBytesLittleEndian();
            Assert.That(be, Is.EqualTo(a.ToBigInteger().ToByteArray(isUnsigned: true, isBigEndian: true).Length == 32
                ? a.ToBigInteger().ToByteArray(isUnsigned: true, isBigEndian: true)
                : PadLeft(a.ToBigInteger().ToByteArray(isUnsigned: true, isBigEndian: true))));
            Assert.That(le.Reverse().ToArray(), Is.EqualTo(be));
            Assert.That(Fr.TryFromBytesBigEndian(be, out Fr b) && b == a, Is.True);
            Assert.That(Fr.TryFromBytesLittleEndian(le, out Fr c) && c == a, Is.True);
        }
    }

    private static byte[] PadLeft(byte[] b)
    {
        byte[] r = new byte[32];
        b.CopyTo(r, 32 - b.Length);
        return r;
    }

    [Test]
    public void TryFromBytes_RejectsNonCanonicalAndWrongLength()
    {
        byte[] modulus = PadLeft(R.ToByteArray(isUnsigned: true, isBigEndian: true));
        Assert.That(Fr.TryFromBytesBigEndian(modulus, out _), Is.False);
        Assert.That(Fr.TryFromBytesLittleEndian(modulus.Reverse().ToArray(), out _), Is.False);
        Assert.That(Fr.TryFromBytesBigEndian(new byte[31], out _), Is.False);
        Assert.Throws<ArgumentException>(() => Fr.FromBytesBigEndian(modulus));
        byte[] max = PadLeft((R - 1).ToByteArray(isUnsigned: true, isBigEndian: true));
        Assert.That(Fr.FromBytesBigEndian(max).ToBigInteger(), Is.EqualTo(R - 1));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(31)]
    [TestCase(32)]
    [TestCase(33)]
    [TestCase(64)]
    [TestCase(100)]
    public void FromBytesReduce_MatchesBigIntegerMod(int length)
    {
        Random rnd = new(length);
        byte[] bytes = new byte[length];
        rnd.NextBytes(bytes);
        BigInteger be = new(bytes, isUnsigned: true, isBigEndian: true);
        BigInteger le = new(bytes, isUnsigned: true, isBigEndian: false);
        Assert.That(Fr.FromBytesBigEndianReduce(bytes).ToBigInteger(), Is.EqualTo(be % R));
        Assert.That(Fr.FromBytesLittleEndianReduce(bytes).ToBigInteger(), Is.EqualTo(le % R));
    }

    [Test]
    public void MontgomeryLimbs_AreValueTimes2Pow256()
    {
        Fr a = Fr.FromUInt64(5);
        byte[] raw = new byte[32];
        a.ToMontgomeryLimbs(raw);
        Assert.That(new BigInteger(raw, isUnsigned: true), Is.EqualTo(5 * BigInteger.Pow(2, 256) % R));
        Assert.That(Fr.FromMontgomeryLimbs(raw), Is.EqualTo(a));
        Assert.Throws<ArgumentException>(() => Fr.FromMontgomeryLimbs(R.ToByteArray(isUnsigned: true)));
    }

    [TestCase("0", "0")]
    [TestCase("12345", "12345")]
    [TestCase("0xff", "255")]
    [TestCase("0X10", "16")]
    [TestCase("21888242871839275222246405745257275088548364400416034343698204186575808495616", "21888242871839275222246405745257275088548364400416034343698204186575808495616")]
    public void Parse_AcceptsDecimalAndHex(string text, string expectedDecimal) =>
        Assert.That(Fr.Parse(text).ToString(), Is.EqualTo(expectedDecimal));

    [TestCase("")]
    [TestCase("-1")]
    [TestCase("0x")]
    [TestCase("12a")]
    [TestCase(" 1")]
    [TestCase("21888242871839275222246405745257275088548364400416034343698204186575808495617")]
    public void Parse_RejectsMalformedOrOutOfRange(string text) =>
        Assert.Throws<FormatException>(() => Fr.Parse(text));

    [Test]
    public void EqualValues_HaveEqualHashCodes()
    {
        Fr a = Fr.FromUInt64(42);
        Fr b = Fr.FromBigInteger(42 + R);
        Assert.That(a == b && a.GetHashCode() == b.GetHashCode(), Is.True);
        Assert.That(a != Fr.One, Is.True);
    }
}
