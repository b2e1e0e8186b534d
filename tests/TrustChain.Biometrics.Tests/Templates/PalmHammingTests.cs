using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Tests.Templates;

public class PalmHammingTests
{
    [TestCase(1UL, 128)]
    [TestCase(2UL, 2048)]
    [TestCase(3UL, 4096)]
    public void Masked_distance_matches_a_bit_by_bit_reference(ulong seed, int bits)
    {
        var rng = new Xoshiro256StarStar(seed);
        PalmTemplate a = RandomTemplate(rng, bits);
        PalmTemplate b = RandomTemplate(rng, bits);

        int differing = 0;
        int compared = 0;
        for (int i = 0; i < bits; i++)
        {
            if (a.IsValid(i) && b.IsValid(i))
            {
                compared++;
                differing += a.GetBit(i) != b.GetBit(i) ? 1 : 0;
            }
        }

        HammingResult result = PalmHamming.Compare(a, b);
        Assert.That(result, Is.EqualTo(new HammingResult(differing, compared)));
        Assert.That(PalmHamming.Fractional(a, b), Is.EqualTo((double)differing / compared));
    }

    [Test]
    public void Identical_unmasked_templates_have_distance_zero_and_complements_one()
    {
        ulong[] bits = [0x0123456789ABCDEFUL, 0xFEDCBA9876543210UL];
        ulong[] complement = [~bits[0], ~bits[1]];
        Assert.That(PalmHamming.Fractional(PalmTemplate.Unmasked(bits), PalmTemplate.Unmasked(bits)), Is.EqualTo(0.0));
        Assert.That(PalmHamming.Fractional(PalmTemplate.Unmasked(bits), PalmTemplate.Unmasked(complement)), Is.EqualTo(1.0));
    }

    [Test]
    public void Disjoint_masks_make_the_distance_undefined()
    {
        var a = new PalmTemplate([0UL], [0x00000000FFFFFFFFUL], 64);
        var b = new PalmTemplate([~0UL], [0xFFFFFFFF00000000UL], 64);
        Assert.That(() => PalmHamming.Fractional(a, b), Throws.InvalidOperationException.With.Message.Contains("no valid bit"));
    }

    [Test]
    public void Bad_shapes_are_rejected()
    {
        Assert.That(() => new PalmTemplate(new ulong[2], new ulong[2], 100), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PalmTemplate(new ulong[2], new ulong[3], 128), Throws.ArgumentException);
        Assert.That(() => PalmHamming.Compare(PalmTemplate.Unmasked(new ulong[1]), PalmTemplate.Unmasked(new ulong[2])), Throws.ArgumentException);
        Assert.That(() => PalmTemplate.Unmasked(new ulong[1]).GetBit(64), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static PalmTemplate RandomTemplate(Xoshiro256StarStar rng, int bits)
    {
        ulong[] b = new ulong[bits / 64];
        ulong[] m = new ulong[bits / 64];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = rng.NextUInt64();
            m[i] = rng.NextUInt64() | rng.NextUInt64();
        }

        return new PalmTemplate(b, m, bits);
    }
}
