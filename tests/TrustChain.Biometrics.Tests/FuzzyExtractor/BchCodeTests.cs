using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Simulation;

namespace TrustChain.Biometrics.Tests.FuzzyExtractor;

public class BchCodeTests
{
    // Dimensions of primitive narrow-sense binary BCH codes (Lin & Costello, Appendix C).
    [TestCase(4, 2, 15, 7)]
    [TestCase(4, 3, 15, 5)]
    [TestCase(5, 2, 31, 21)]
    [TestCase(5, 3, 31, 16)]
    [TestCase(5, 5, 31, 11)]
    [TestCase(6, 4, 63, 39)]
    [TestCase(7, 2, 127, 113)]
    [TestCase(8, 4, 255, 223)]
    [TestCase(10, 1, 1023, 1013)]
    public void Dimension_matches_the_published_tables(int m, int t, int n, int k)
    {
        var code = new BchCode(m, t, n);
        Assert.That(code.MessageBits, Is.EqualTo(k));
        Assert.That(code.ParityBits, Is.EqualTo(n - k));
    }

    [Test]
    public void Bch_15_7_encodes_the_unit_message_to_its_generator_polynomial()
    {
        // g(x) = 1 + x^4 + x^6 + x^7 + x^8 for the (15,7) double-error-correcting code over x^4 + x + 1.
        var code = new BchCode(4, 2, 15);
        byte[] codeword = new byte[15];
        code.Encode([1, 0, 0, 0, 0, 0, 0], codeword);
        Assert.That(codeword, Is.EqualTo(new byte[] { 1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0 }));
    }

    [TestCase(4, 2, 15)]
    [TestCase(5, 3, 31)]
    [TestCase(9, 17, 409)]
    [TestCase(10, 8, 1000)]
    public void Corrects_every_pattern_up_to_t_errors(int m, int t, int n)
    {
        var code = new BchCode(m, t, n);
        var rng = new Xoshiro256StarStar((ulong)(m * 1000 + t));
        for (int errors = 0; errors <= t; errors++)
        {
            for (int trial = 0; trial < 5; trial++)
            {
                byte[] codeword = RandomCodeword(code, rng);
                byte[] received = (byte[])codeword.Clone();
                Flip(received, errors, rng);
                Assert.That(code.Decode(received), Is.EqualTo(errors), $"{errors} errors");
                Assert.That(received, Is.EqualTo(codeword));
            }
        }
    }

    [TestCase(4, 2, 15)]
    [TestCase(5, 3, 31)]
    [TestCase(9, 17, 409)]
    public void Beyond_t_errors_it_fails_or_lands_on_another_codeword_never_the_sent_one(int m, int t, int n)
    {
        var code = new BchCode(m, t, n);
        var rng = new Xoshiro256StarStar(99);
        int failures = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            byte[] codeword = RandomCodeword(code, rng);
            byte[] received = (byte[])codeword.Clone();
            Flip(received, t + 1 + trial % 3, rng);
            byte[] before = (byte[])received.Clone();
            int result = code.Decode(received);
            if (result < 0)
            {
                failures++;
                Assert.That(received, Is.EqualTo(before), "a failed decode leaves the word untouched");
                continue;
            }

            Assert.That(received, Is.Not.EqualTo(codeword));
            Assert.That(code.Decode((byte[])received.Clone()), Is.EqualTo(0), "a miscorrection still yields a codeword");
        }

        Assert.That(failures, Is.GreaterThan(0));
    }

    [Test]
    public void Invalid_parameters_and_buffers_are_rejected()
    {
        Assert.That(() => new BchCode(2, 1, 3), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new BchCode(4, 2, 16), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new BchCode(4, 8, 15), Throws.ArgumentException.With.Message.Contains("no message bits"));
        var code = new BchCode(4, 2, 15);
        Assert.That(() => code.Decode(new byte[14]), Throws.ArgumentException);
        Assert.That(() => code.Encode(new byte[6], new byte[15]), Throws.ArgumentException);
    }

    private static byte[] RandomCodeword(BchCode code, Xoshiro256StarStar rng)
    {
        byte[] message = new byte[code.MessageBits];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)(rng.NextUInt64() & 1);
        }

        byte[] codeword = new byte[code.Length];
        code.Encode(message, codeword);
        return codeword;
    }

    private static void Flip(byte[] word, int count, Xoshiro256StarStar rng)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add((int)rng.NextBelow((ulong)word.Length));
        }

        foreach (int i in chosen)
        {
            word[i] ^= 1;
        }
    }
}
