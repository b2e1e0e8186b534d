using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;
using TrustChain.Core;

namespace TrustChain.Biometrics.Tests.Lsh;

public class PalmBandLayoutTests
{
    private static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Test]
    public void Layout_is_a_function_of_the_seed_with_distinct_in_range_positions()
    {
        var a = new PalmBandLayout(Seed, 64, 10);
        var b = new PalmBandLayout(Seed, 64, 10);
        var other = new PalmBandLayout(new byte[32], 64, 10);
        bool anyDifferent = false;
        for (int band = 0; band < 64; band++)
        {
            int[] positions = a.Positions(band).ToArray();
            Assert.That(positions, Is.EqualTo(b.Positions(band).ToArray()));
            Assert.That(positions, Is.Unique);
            Assert.That(positions, Has.All.InRange(0, PalmTemplate.DefaultBitLength - 1));
            anyDifferent |= !positions.SequenceEqual(other.Positions(band).ToArray());
        }

        Assert.That(anyDifferent, Is.True);
        // 64 × 10 bits fit in 2048, so no position is shared between bands (independent band matches).
        int[] all = Enumerable.Range(0, 64).SelectMany(band => a.Positions(band).ToArray()).ToArray();
        Assert.That(all, Is.Unique);
        // 64 × 40 bits do not fit: positions are then only distinct within each band.
        var dense = new PalmBandLayout(Seed, 64, 40);
        Assert.That(Enumerable.Range(0, 64).All(band => dense.Positions(band).ToArray().Distinct().Count() == 40), Is.True);
        // A k-band layout is the prefix of a larger one, so the study can evaluate fewer bands on the same seed.
        Assert.That(new PalmBandLayout(Seed, 16, 10).Positions(15).ToArray(), Is.EqualTo(a.Positions(15).ToArray()));
    }

    [Test]
    public void Band_value_takes_the_template_bits_at_the_band_positions()
    {
        var layout = new PalmBandLayout(Seed, 4, 12);
        PalmTemplate template = new PalmSimulator(new PalmSimulatorOptions()).Scan(0, 0);
        ulong[] values = new ulong[4];
        layout.BandValues(template, values);
        for (int band = 0; band < 4; band++)
        {
            ulong expected = 0;
            ReadOnlySpan<int> positions = layout.Positions(band);
            for (int i = 0; i < positions.Length; i++)
            {
                expected |= (template.GetBit(positions[i]) ? 1UL : 0UL) << i;
            }

            Assert.That(values[band], Is.EqualTo(expected));
        }
    }

    [Test]
    public void Genuine_band_agreement_matches_the_bit_error_model_and_rescans_are_duplicates()
    {
        var layout = new PalmBandLayout(Seed, 64, 10);
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 21 });
        var tagger = new KeyedHashTagger(new byte[32]);
        int agreeing = 0;
        int duplicates = 0;
        int impostorDuplicates = 0;
        const int people = 200;
        for (ulong p = 0; p < people; p++)
        {
            Hash256[] enrolled = DedupMatcher.Tags(layout.BandInputs(sim.Scan(p, 0)), tagger);
            Hash256[] rescan = DedupMatcher.Tags(layout.BandInputs(sim.Scan(p, 1)), tagger);
            Hash256[] stranger = DedupMatcher.Tags(layout.BandInputs(sim.Scan(p + 5000, 1)), tagger);
            int matches = DedupMatcher.CountMatches(rescan, enrolled);
            agreeing += matches;
            duplicates += DedupMatcher.IsDuplicate(rescan, enrolled, 8) ? 1 : 0;
            impostorDuplicates += DedupMatcher.IsDuplicate(stranger, enrolled, 8) ? 1 : 0;
        }

        // Per-bit disagreement ≈ 0.12 plus ~0.03 from bits masked in either scan (random there): (1-0.135)^10 ≈ 0.235.
        double perBand = agreeing / (64.0 * people);
        Assert.That(perBand, Is.InRange(0.20, 0.28));
        // Analytic miss rate for k=64, b=10, m=8 at that band rate is ≈ 1.5%.
        Assert.That(duplicates, Is.GreaterThanOrEqualTo(190));
        Assert.That(impostorDuplicates, Is.EqualTo(0));
    }

    [Test]
    public void Keyed_tags_depend_on_band_index_value_and_key()
    {
        var tagger = new KeyedHashTagger(new byte[32]);
        Hash256 tag = tagger.Tag(new BandInput(3, 10, 0x155));
        Assert.That(tagger.Tag(new BandInput(3, 10, 0x155)), Is.EqualTo(tag));
        Assert.That(tagger.Tag(new BandInput(4, 10, 0x155)), Is.Not.EqualTo(tag));
        Assert.That(tagger.Tag(new BandInput(3, 10, 0x154)), Is.Not.EqualTo(tag));
        Assert.That(new KeyedHashTagger(Seed).Tag(new BandInput(3, 10, 0x155)), Is.Not.EqualTo(tag));
    }

    [Test]
    public void Invalid_layouts_are_rejected()
    {
        Assert.That(() => new PalmBandLayout(new byte[31], 64, 10), Throws.ArgumentException);
        Assert.That(() => new PalmBandLayout(Seed, 0, 10), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PalmBandLayout(Seed, 64, 65), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => DedupMatcher.IsDuplicate([], [], 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
