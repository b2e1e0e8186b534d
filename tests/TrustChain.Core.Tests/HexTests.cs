namespace TrustChain.Core.Tests;

public class HexTests
{
    [TestCase("0x", new byte[0])]
    [TestCase("", new byte[0])]
    [TestCase("0x00ff10", new byte[] { 0x00, 0xFF, 0x10 })]
    [TestCase("00FF10", new byte[] { 0x00, 0xFF, 0x10 })]
    [TestCase("0XaBcD", new byte[] { 0xAB, 0xCD })]
    public void FromHexString_Valid_Decodes(string hex, byte[] expected)
    {
        Assert.That(Hex.FromHexString(hex), Is.EqualTo(expected));
        Assert.That(Hex.TryFromHexString(hex, out byte[]? bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [TestCase("0x1")]
    [TestCase("abc")]
    [TestCase("0xzz")]
    [TestCase("0x0g")]
    [TestCase("0x 1")]
    [TestCase("0x\u00e9\u00e9")]
    public void FromHexString_Invalid_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Hex.FromHexString(hex));
        Assert.That(Hex.TryFromHexString(hex, out _), Is.False);
    }

    [Test]
    public void ToHexString_RoundTripsAllByteValues()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string hex = Hex.ToHexString(all);
        Assert.That(hex, Does.StartWith("0x000102"));
        Assert.That(hex, Is.EqualTo(hex.ToLowerInvariant()));
        Assert.That(Hex.FromHexString(hex), Is.EqualTo(all));
        Assert.That(Hex.ToHexString(all, withPrefix: false), Is.EqualTo(hex[2..]));
    }
}
