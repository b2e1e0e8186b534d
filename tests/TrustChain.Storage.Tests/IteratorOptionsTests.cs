namespace TrustChain.Storage.Tests;

public class IteratorOptionsTests
{
    [TestCase(new byte[] { 0x61 }, new byte[] { 0x62 })]
    [TestCase(new byte[] { 0x61, 0xFF }, new byte[] { 0x62 })]
    [TestCase(new byte[] { 0x00, 0xFF, 0xFF }, new byte[] { 0x01 })]
    [TestCase(new byte[] { 0x12, 0x34 }, new byte[] { 0x12, 0x35 })]
    [TestCase(new byte[] { 0xFF, 0xFF }, null)]
    [TestCase(new byte[0], null)]
    public void PrefixSuccessor_IsSmallestKeyAfterAllPrefixedKeys(byte[] prefix, byte[]? expected)
    {
        Assert.That(IteratorOptions.PrefixSuccessor(prefix), Is.EqualTo(expected));
    }

    [Test]
    public void ForPrefix_SetsBothBounds()
    {
        IteratorOptions options = IteratorOptions.ForPrefix([0x01, 0xFF]);

        Assert.That(options.LowerBound, Is.EqualTo(new byte[] { 0x01, 0xFF }));
        Assert.That(options.UpperBound, Is.EqualTo(new byte[] { 0x02 }));
    }
}
