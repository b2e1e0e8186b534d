using System.Globalization;
using System.Numerics;

namespace TrustChain.Core.Tests;

public class UInt256Tests
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private static readonly BigInteger Mask = Modulus - 1;

    private static IEnumerable<(BigInteger A, BigInteger B)> Pairs()
    {
        Random random = new(20240521);
        BigInteger[] edges =
        [
            0, 1, 2, 3, 10, ulong.MaxValue, (BigInteger)ulong.MaxValue + 1, BigInteger.One << 127, (BigInteger.One << 128) - 1,
            BigInteger.One << 128, BigInteger.One << 191, BigInteger.One << 192, (BigInteger.One << 192) - 1,
            BigInteger.One << 255, Mask, Mask - 1, (BigInteger)uint.MaxValue, (BigInteger)uint.MaxValue + 1,
            BigInteger.Parse("0fffffffffffffffffffffffffffffffe", NumberStyles.HexNumber),
        ];
        foreach (BigInteger a in edges)
        {
            foreach (BigInteger b in edges)
            {
                yield return (a, b);
            }
        }

        for (int i = 0; i < 5000; i++)
        {
            yield return (RandomValue(random), RandomValue(random));
        }
    }

    // Mixes widths and limb patterns so every division path (64-bit, 64-by-256, Knuth with 2..8 digits) is hit.
    private static BigInteger RandomValue(Random random)
    {
        int bits = random.Next(0, 257);
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        BigInteger value = new BigInteger(bytes, isUnsigned: true) & ((BigInteger.One << bits) - 1);
        switch (random.Next(6))
        {
            case 0:
                // Runs of ones/zeros stress the qhat correction step.
                value |= ((BigInteger.One << random.Next(0, 256)) - 1) << random.Next(0, 64);
                break;
            case 1:
                value &= ~((BigInteger.One << random.Next(0, 200)) - 1);
                break;
        }

        return value & Mask;
    }

    [Test]
    public void Arithmetic_MatchesBigInteger()
    {
        int count = 0;
        foreach ((BigInteger a, BigInteger b) in Pairs())
        {
            UInt256 x = UInt256.FromBigInteger(a);
            UInt256 y = UInt256.FromBigInteger(b);
            string ctx = $"a={a} b={b}";
            Assert.That((x + y).ToBigInteger(), Is.EqualTo((a + b) & Mask), "add " + ctx);
            Assert.That((x - y).ToBigInteger(), Is.EqualTo((a - b + Modulus) & Mask), "sub " + ctx);
            Assert.That((x * y).ToBigInteger(), Is.EqualTo(a * b & Mask), "mul " + ctx);
            Assert.That((x / y).ToBigInteger(), Is.EqualTo(b.IsZero ? 0 : a / b), "div " + ctx);
            Assert.That((x % y).ToBigInteger(), Is.EqualTo(b.IsZero ? 0 : a % b), "mod " + ctx);
            Assert.That((x & y).ToBigInteger(), Is.EqualTo(a & b), "and " + ctx);
            Assert.That((x | y).ToBigInteger(), Is.EqualTo(a | b), "or " + ctx);
            Assert.That((x ^ y).ToBigInteger(), Is.EqualTo(a ^ b), "xor " + ctx);
            Assert.That(UInt256.AddOverflow(x, y, out _), Is.EqualTo(a + b > Mask), "addOverflow " + ctx);
            Assert.That(UInt256.SubtractUnderflow(x, y, out _), Is.EqualTo(b > a), "subUnderflow " + ctx);
            Assert.That(UInt256.MultiplyOverflow(x, y, out UInt256 product), Is.EqualTo(a * b > Mask), "mulOverflow " + ctx);
            Assert.That(product.ToBigInteger(), Is.EqualTo(a * b & Mask), "mulOverflow result " + ctx);
            Assert.That(x.CompareTo(y), Is.EqualTo(a.CompareTo(b)), "cmp " + ctx);
            Assert.That(x == y, Is.EqualTo(a == b), "eq " + ctx);
            Assert.That(x < y, Is.EqualTo(a < b), "lt " + ctx);
            int shift = (int)(b % 300);
            Assert.That((x << shift).ToBigInteger(), Is.EqualTo((a << shift) & Mask), $"shl {shift} " + ctx);
            Assert.That((x >> shift).ToBigInteger(), Is.EqualTo(a >> shift), $"shr {shift} " + ctx);
            count++;
        }

        Assert.That(count, Is.GreaterThan(5000));
    }

    [Test]
    public void Text_RoundTripsAgainstBigInteger()
    {
        foreach ((BigInteger a, _) in Pairs().Take(2000))
        {
            UInt256 x = UInt256.FromBigInteger(a);
            Assert.That(x.ToString(), Is.EqualTo(a.ToString(CultureInfo.InvariantCulture)));
            Assert.That(UInt256.Parse(a.ToString(CultureInfo.InvariantCulture)), Is.EqualTo(x));
            string hex = a.IsZero ? "0" : a.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
            Assert.That(x.ToHexQuantity(), Is.EqualTo("0x" + hex));
            Assert.That(UInt256.Parse(x.ToHexQuantity()), Is.EqualTo(x));
            byte[] trimmed = x.ToBigEndianTrimmed();
            Assert.That(trimmed, Is.EqualTo(a.IsZero ? Array.Empty<byte>() : a.ToByteArray(isUnsigned: true, isBigEndian: true)));
            Assert.That(new UInt256(trimmed), Is.EqualTo(x));
            Assert.That(new UInt256(x.ToBigEndian()), Is.EqualTo(x));
        }
    }

    [TestCase("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [TestCase("0x10000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("-1")]
    [TestCase("12a")]
    [TestCase("0x")]
    [TestCase("")]
    [TestCase("0xg")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.That(UInt256.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_MaxValue_Decimal_And_Hex()
    {
        Assert.That(UInt256.Parse("115792089237316195423570985008687907853269984665640564039457584007913129639935"), Is.EqualTo(UInt256.MaxValue));
        Assert.That(UInt256.Parse("0x" + new string('f', 64)), Is.EqualTo(UInt256.MaxValue));
        Assert.That(UInt256.Parse("0x0000" + new string('f', 64)), Is.EqualTo(UInt256.MaxValue));
        Assert.That(UInt256.Zero.ToHexQuantity(), Is.EqualTo("0x0"));
        Assert.That(new UInt256(26).ToHexQuantity(), Is.EqualTo("0x1a"));
    }

    [Test]
    public void Conversions_CheckRanges()
    {
        Assert.That((ulong)new UInt256(42), Is.EqualTo(42UL));
        Assert.Throws<OverflowException>(() => _ = (ulong)new UInt256(0, 1));
        Assert.Throws<OverflowException>(() => _ = (UInt256)(-1));
        Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(Modulus));
        Assert.Throws<OverflowException>(() => UInt256.FromBigInteger(-1));
        Assert.Throws<ArgumentException>(() => _ = new UInt256(new byte[33]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = UInt256.One << -1);
        UInt256 fromInt = 7;
        Assert.That(fromInt, Is.EqualTo(new UInt256(7)));
    }
}
