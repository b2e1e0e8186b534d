using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;

namespace TrustChain.Core.Tests.Blocks;

public class MerkleRootsTests
{
    private static Hash256 Leaf(Hash256 h) => Keccak256.Compute([0x00, .. h.ToArray()]);

    private static Hash256 Node(Hash256 l, Hash256 r) => Keccak256.Compute([0x01, .. l.ToArray(), .. r.ToArray()]);

    // RFC 6962 MTH: split at the largest power of two smaller than n.
    private static Hash256 Rfc6962(IReadOnlyList<Hash256> leaves, int start, int count)
    {
        if (count == 1)
        {
            return Leaf(leaves[start]);
        }

        int k = 1;
        while (k * 2 < count)
        {
            k *= 2;
        }

        return Node(Rfc6962(leaves, start, k), Rfc6962(leaves, start + k, count - k));
    }

    [Test]
    public void Empty_IsKeccakOfEmptyRlpString()
    {
        Assert.That(MerkleRoots.Compute([]).ToString(), Is.EqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
    }

    [Test]
    public void Three_MatchesHandBuiltTree()
    {
        Hash256[] l = [Hash256.FromUInt256(1), Hash256.FromUInt256(2), Hash256.FromUInt256(3)];
        Assert.That(MerkleRoots.Compute(l), Is.EqualTo(Node(Node(Leaf(l[0]), Leaf(l[1])), Leaf(l[2]))));
    }

    [Test]
    public void AnySize_MatchesRfc6962Shape()
    {
        List<Hash256> leaves = [];
        for (int n = 1; n <= 40; n++)
        {
            leaves.Add(Keccak256.Compute(BitConverter.GetBytes(n)));
            Assert.That(MerkleRoots.Compute(leaves), Is.EqualTo(Rfc6962(leaves, 0, n)), $"n={n}");
        }
    }

    [Test]
    public void OrderMatters()
    {
        Hash256 a = Hash256.FromUInt256(1);
        Hash256 b = Hash256.FromUInt256(2);
        Assert.That(MerkleRoots.Compute([a, b]), Is.Not.EqualTo(MerkleRoots.Compute([b, a])));
        Assert.That(MerkleRoots.Compute([a]), Is.Not.EqualTo(a));
    }
}
