namespace TrustChain.Core.Tests;

public class Hash256Tests
{
    private const string Sample = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

    [Test]
    public void Parse_ToString_RoundTrip()
    {
        Hash256 hash = Hash256.Parse(Sample);
        Assert.That(hash.ToString(), Is.EqualTo(Sample));
        Assert.That(Hash256.Parse(Sample[2..].ToUpperInvariant()), Is.EqualTo(hash));
        Assert.That(hash.ToArray(), Is.EqualTo(Hex.FromHexString(Sample)));
        Assert.That(hash.Bytes[0], Is.EqualTo(0xc5));
    }

    [TestCase("0x1234")]
    [TestCase("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a4")]
    [TestCase("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a4zz")]
    public void Parse_Invalid_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Hash256.Parse(hex));
    }

    [Test]
    public void Equality_HashCode_Compare()
    {
        Hash256 a = Hash256.Parse(Sample);
        byte[] bytes = a.ToArray();
        Hash256 b = new(bytes);
        bytes[31] ^= 1;
        Hash256 c = new(bytes);
        Assert.That(a == b, Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a != c, Is.True);
        Assert.That(a.CompareTo(c), Is.LessThan(0));
        Assert.That(Hash256.Zero.IsZero, Is.True);
        Assert.That(default(Hash256), Is.EqualTo(Hash256.Zero));
        Assert.That(a.ToUInt256(), Is.EqualTo(UInt256.Parse(Sample)));
        Assert.That(Hash256.FromUInt256(a.ToUInt256()), Is.EqualTo(a));
    }
}
