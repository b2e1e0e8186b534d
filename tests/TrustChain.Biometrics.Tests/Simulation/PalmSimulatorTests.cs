using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;

namespace TrustChain.Biometrics.Tests.Simulation;

public class PalmSimulatorTests
{
    [Test]
    public void SplitMix64_matches_the_published_sequence_for_seed_1234567()
    {
        // Reference values of Vigna's splitmix64.c for seed 1234567 (as listed on Rosetta Code).
        ulong state = 1234567;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        foreach (ulong value in expected)
        {
            Assert.That(Xoshiro256StarStar.SplitMix64(ref state), Is.EqualTo(value));
        }
    }

    [Test]
    public void Xoshiro256StarStar_matches_the_reference_outputs_for_state_1_2_3_4()
    {
        // First outputs of the reference C xoshiro256** from state {1, 2, 3, 4} (the rand_xoshiro crate's test vector).
        var rng = Xoshiro256StarStar.FromState(1, 2, 3, 4);
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
            16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576,
        ];
        foreach (ulong value in expected)
        {
            Assert.That(rng.NextUInt64(), Is.EqualTo(value));
        }
    }

    [TestCase(1UL)]
    [TestCase(987654321UL)]
    public void Same_seed_same_people_and_scans(ulong seed)
    {
        var a = new PalmSimulator(new PalmSimulatorOptions { Seed = seed });
        var b = new PalmSimulator(new PalmSimulatorOptions { Seed = seed });
        for (ulong person = 0; person < 5; person++)
        {
            PalmTemplate x = a.Scan(person, 3);
            PalmTemplate y = b.Scan(person, 3);
            Assert.That(x.Bits.ToArray(), Is.EqualTo(y.Bits.ToArray()));
            Assert.That(x.Mask.ToArray(), Is.EqualTo(y.Mask.ToArray()));
        }

        var other = new PalmSimulator(new PalmSimulatorOptions { Seed = seed + 1 });
        Assert.That(other.Scan(0, 3).Bits.ToArray(), Is.Not.EqualTo(a.Scan(0, 3).Bits.ToArray()));
        Assert.That(a.Scan(0, 4).Bits.ToArray(), Is.Not.EqualTo(a.Scan(0, 3).Bits.ToArray()));
    }

    [TestCase(0.12, 0.03)]
    [TestCase(0.08, 0.0)]
    [TestCase(0.20, 0.10)]
    public void Genuine_distance_dropout_and_impostor_distance_follow_the_options(double ber, double dropout)
    {
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 7, GenuineBitErrorRate = ber, MaskDropout = dropout });
        double genuine = 0;
        double impostor = 0;
        double masked = 0;
        const int people = 60;
        for (ulong p = 0; p < people; p++)
        {
            PalmTemplate first = sim.Scan(p, 0);
            genuine += PalmHamming.Fractional(first, sim.Scan(p, 1));
            impostor += PalmHamming.Fractional(first, sim.Scan(p + 1000, 0));
            masked += 1 - (double)first.ValidBitCount / first.BitLength;
        }

        Assert.That(genuine / people, Is.EqualTo(ber).Within(0.01));
        Assert.That(impostor / people, Is.EqualTo(0.5).Within(0.01));
        Assert.That(masked / people, Is.EqualTo(dropout).Within(0.005));
    }

    [Test]
    public void Simulator_is_labelled_synthetic_and_rejects_bad_options()
    {
        Assert.That(PalmSimulator.Label, Is.EqualTo("SYNTHETIC"));
        Assert.That(() => new PalmSimulator(new PalmSimulatorOptions { GenuineBitErrorRate = 0.6 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PalmSimulator(new PalmSimulatorOptions { MaskDropout = 1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PalmSimulator(new PalmSimulatorOptions { BitLength = 100 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
