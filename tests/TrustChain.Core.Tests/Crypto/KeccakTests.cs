using System.Security.Cryptography;
using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Core.Tests.Crypto;

public class KeccakTests
{
    [TestCase("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [TestCase("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [TestCase("The quick brown fox jumps over the lazy dog", "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Compute_Text_MatchesKnownDigest(string text, string expected)
    {
        Assert.That(Keccak256.Compute(Encoding.ASCII.GetBytes(text)).ToString(), Is.EqualTo(expected));
    }

    // Expected values computed with ethers 6 keccak256 over bytes i % 251; lengths straddle the 136-byte rate.
    [TestCase(135, "0xcbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62")]
    [TestCase(136, "0x7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e")]
    [TestCase(137, "0xac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db")]
    [TestCase(200, "0xbfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890")]
    [TestCase(272, "0x8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc")]
    [TestCase(1000, "0xaf692982e84a5a9688359025660a7857cd28ee7c8d867cfa1677baf2e6d1f63b")]
    [TestCase(100000, "0x6471ac9ab04fbc0d56ac61af4d291f678837a91f8e5d581a2a921d242234b6c7")]
    public void Compute_MultiBlock_MatchesEthers(int length, string expected)
    {
        byte[] data = Pattern(length);
        Assert.That(Keccak256.Compute(data).ToString(), Is.EqualTo(expected));

        // Same data fed incrementally in awkward chunk sizes.
        KeccakHasher hasher = new();
        int offset = 0;
        int chunk = 1;
        while (offset < data.Length)
        {
            int take = Math.Min(chunk, data.Length - offset);
            hasher.Update(data.AsSpan(offset, take));
            offset += take;
            chunk = chunk * 3 % 301 + 1;
        }

        Assert.That(hasher.Finish().ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Compute_MillionAs_MatchesEthers()
    {
        byte[] data = new byte[1_000_000];
        data.AsSpan().Fill((byte)'a');
        Assert.That(Keccak256.Compute(data).ToString(), Is.EqualTo("0xfadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96"));
    }

    [Test]
    public void Sponge_WithSha3Padding_MatchesPlatformSha3()
    {
        if (!SHA3_256.IsSupported)
        {
            Assert.Ignore("Platform SHA3-256 unavailable.");
        }

        Random random = new(1234);
        Span<byte> ours = stackalloc byte[32];
        for (int length = 0; length < 700; length += 1 + length / 50)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Keccak256.Compute(data, ours, 0x06);
            Assert.That(ours.ToArray(), Is.EqualTo(SHA3_256.HashData(data)), $"length {length}");
        }
    }

    /// <summary>XKCP's KeccakF-1600-IntermediateValues.txt: the all-zero state after one permutation.</summary>
    [Test]
    public void Permutation_OfZeroState_MatchesPublishedVector()
    {
        ulong[] state = new ulong[25];
        KeccakF1600.Permute(state);
        Assert.That(state, Is.EqualTo(new[]
        {
            0xF1258F7940E1DDE7UL, 0x84D5CCF933C0478AUL, 0xD598261EA65AA9EEUL, 0xBD1547306F80494DUL, 0x8B284E056253D057UL,
            0xFF97A42D7F8E6FD4UL, 0x90FEE5A0A44647C4UL, 0x8C5BDA0CD6192E76UL, 0xAD30A6F71B19059CUL, 0x30935AB7D08FFC64UL,
            0xEB5AA93F2317D635UL, 0xA9A6E6260D712103UL, 0x81A57C16DBCF555FUL, 0x43B831CD0347C826UL, 0x01F22F1A11A5569FUL,
            0x05E5635A21D9AE61UL, 0x64BEFEF28CC970F2UL, 0x613670957BC46611UL, 0xB87C5A554FD00ECBUL, 0x8C3EE88A1CCF32C8UL,
            0x940C7922AE3A2614UL, 0x1841F924A2C509E4UL, 0x16F53526E70465C2UL, 0x75F644E97F30A13BUL, 0xEAF1FF7B5CECA249UL,
        }));
    }

    [Test]
    public void Permutation_RejectsShortState() =>
        Assert.Throws<ArgumentException>(() => KeccakF1600.Permute(new ulong[24]));

    [Test]
    public void Hasher_AfterFinish_RequiresReset()
    {
        KeccakHasher hasher = new();
        hasher.Update([1, 2, 3]);
        Hash256 first = hasher.Finish();
        Assert.Throws<InvalidOperationException>(() => hasher.Update([4]));
        hasher.Reset();
        hasher.Update([1, 2, 3]);
        Assert.That(hasher.Finish(), Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(Keccak256.Compute([1, 2, 3])));
    }

    private static byte[] Pattern(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i % 251);
        }

        return data;
    }
}
