using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;

namespace TrustChain.Core.Tests.Receipts;

public class BloomTests
{
    // The Yellow Paper's M3:2048, written out independently of Bloom's implementation.
    private static byte[] ReferenceBits(params byte[][] items)
    {
        byte[] bloom = new byte[256];
        foreach (byte[] item in items)
        {
            byte[] h = Keccak256.Compute(item).ToArray();
            for (int pair = 0; pair < 3; pair++)
            {
                int bit = (h[2 * pair] * 256 + h[2 * pair + 1]) % 2048;
                int byteIndex = 255 - bit / 8;
                bloom[byteIndex] |= (byte)(1 << (bit % 8));
            }
        }

        return bloom;
    }

    [Test]
    public void Add_LogAddressAndTopics_SetsYellowPaperBits()
    {
        Address address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        Hash256 topic0 = Keccak256.Compute("Transfer(address,address,uint256)"u8);
        Hash256 topic1 = Hash256.FromUInt256(42);
        LogEntry log = new(address, [topic0, topic1], [1, 2, 3]);
        Bloom bloom = Bloom.FromLogs([log]);
        Assert.That(bloom.ToArray(), Is.EqualTo(ReferenceBits(address.ToArray(), topic0.ToArray(), topic1.ToArray())));
        Assert.That(bloom.Matches(address), Is.True);
        Assert.That(bloom.Matches(topic0), Is.True);
        Assert.That(bloom.Matches(Address.Zero), Is.False);
    }

    [Test]
    public void Accumulate_IsUnion()
    {
        Bloom a = new();
        a.Add(Address.Zero);
        Bloom b = new();
        b.Add(Keccak256.OfEmpty);
        Bloom union = new(a.Bytes);
        union.Accumulate(b);
        Assert.That(union.Contains(a) && union.Contains(b), Is.True);
        Assert.That(union.ToArray(), Is.EqualTo(ReferenceBits(Address.Zero.ToArray(), Keccak256.OfEmpty.ToArray())));
        Assert.That(new Bloom().IsEmpty, Is.True);
        Assert.That(union, Is.EqualTo(new Bloom(union.Bytes)));
        Assert.Throws<ArgumentException>(() => _ = new Bloom(new byte[255]));
    }
}
