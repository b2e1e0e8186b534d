using System.Text;
using TrustChain.Zk.Setup;

namespace TrustChain.Zk.Tests.Setup;

public class Blake2b512Tests
{
    // RFC 7693 Appendix A ("abc") and the empty-input digest from the BLAKE2 reference test vectors.
    [TestCase("abc", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")]
    [TestCase("", "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")]
    public void Digest_MatchesReferenceVectors(string input, string expectedHex)
    {
        Assert.That(Convert.ToHexStringLower(Blake2b512.Hash(Encoding.ASCII.GetBytes(input))), Is.EqualTo(expectedHex));
    }

    [TestCase(127)]
    [TestCase(128)]
    [TestCase(129)]
    [TestCase(1000)]
    public void IncrementalAndClonedHashing_EqualOneShot(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 31 + 7);
        }

        Blake2b512 h = new();
        h.Update(data.AsSpan(0, length / 3));
        Blake2b512 fork = h.Clone();
        h.Update(data.AsSpan(length / 3));
        fork.Update(data.AsSpan(length / 3));
        Assert.That(h.Digest(), Is.EqualTo(Blake2b512.Hash(data)));
        Assert.That(fork.Digest(), Is.EqualTo(Blake2b512.Hash(data)));
    }
}
