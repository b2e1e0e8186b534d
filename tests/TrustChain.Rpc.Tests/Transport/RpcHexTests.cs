using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Tests.Transport;

[TestFixture]
public sealed class RpcHexTests
{
    [TestCase(0UL, "0x0")]
    [TestCase(1UL, "0x1")]
    [TestCase(255UL, "0xff")]
    [TestCase(4096UL, "0x1000")]
    [TestCase(ulong.MaxValue, "0xffffffffffffffff")]
    public void EncodeQuantity_IsMinimalLowercase(ulong value, string expected)
    {
        Assert.That(RpcHex.EncodeQuantity(value), Is.EqualTo(expected));
        Assert.That(RpcHex.TryDecodeQuantity(expected, out ulong decoded, out string? error), Is.True, error);
        Assert.That(decoded, Is.EqualTo(value));
    }

    [TestCase("0000", "0x0")]
    [TestCase("000102", "0x102")]
    [TestCase("ff00", "0xff00")]
    public void EncodeQuantity_BigEndianSkipsLeadingZeros(string hex, string expected) =>
        Assert.That(RpcHex.EncodeQuantity(Convert.FromHexString(hex)), Is.EqualTo(expected));

    [TestCase("", RpcHex.ErrEmptyString)]
    [TestCase("12", RpcHex.ErrMissingPrefix)]
    [TestCase("0x", RpcHex.ErrEmptyNumber)]
    [TestCase("0x00", RpcHex.ErrLeadingZero)]
    [TestCase("0xg", RpcHex.ErrSyntax)]
    [TestCase("0x10000000000000000", RpcHex.ErrUint64Range)]
    public void DecodeQuantity_RejectsWithGethMessage(string text, string message)
    {
        Assert.That(RpcHex.TryDecodeQuantity(text, out _, out string? error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }

    [Test]
    public void DecodeQuantity256_AcceptsFullWidthAndRejectsMore()
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.That(RpcHex.TryDecodeQuantity256("0x" + new string('f', 64), buffer, out _), Is.True);
        Assert.That(buffer.ToArray(), Is.All.EqualTo(0xff));
        Assert.That(RpcHex.TryDecodeQuantity256("0x1" + new string('0', 64), buffer, out string? error), Is.False);
        Assert.That(error, Is.EqualTo(RpcHex.ErrBig256Range));
        Assert.That(RpcHex.TryDecodeQuantity256("0xabc", buffer, out _), Is.True);
        Assert.That(RpcHex.TryReadUInt64(buffer, out ulong value) && value == 0xabc, Is.True);
    }

    [TestCase("", 0)]
    [TestCase("0x", 0)]
    [TestCase("0x00ff", 2)]
    public void DecodeBytes_AcceptsValidData(string text, int length)
    {
        Assert.That(RpcHex.TryDecodeBytes(text, out byte[] bytes, out _), Is.True);
        Assert.That(bytes, Has.Length.EqualTo(length));
    }

    [TestCase("00ff", RpcHex.ErrMissingPrefix)]
    [TestCase("0x0ff", RpcHex.ErrOddLength)]
    [TestCase("0xzz", RpcHex.ErrSyntax)]
    public void DecodeBytes_RejectsWithGethMessage(string text, string message)
    {
        Assert.That(RpcHex.TryDecodeBytes(text, out _, out string? error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }

    [Test]
    public void DecodeFixed_ReportsLengthLikeGeth()
    {
        var address = new byte[20];
        Assert.That(RpcHex.TryDecodeFixed("0x1234", address, "common.Address", out string? error), Is.False);
        Assert.That(error, Is.EqualTo("hex string has length 4, want 40 for common.Address"));
        Assert.That(RpcHex.TryDecodeFixed("0x" + new string('a', 40), address, "common.Address", out _), Is.True);
        Assert.That(address, Is.All.EqualTo(0xaa));
    }
}
