using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Biometrics.Tests.FuzzyExtractor;

public class CodeOffsetExtractorTests
{
    private static readonly CodeOffsetExtractor Extractor = new();

    [Test]
    public void Default_code_has_enough_message_bits_for_a_256_bit_secret()
    {
        Assert.That(Extractor.Code.Length, Is.EqualTo(409));
        Assert.That(Extractor.Code.T, Is.EqualTo(17));
        Assert.That(Extractor.Code.MessageBits, Is.GreaterThanOrEqualTo(256));
    }

    [Test]
    public void Genuine_rescans_reproduce_and_impostors_do_not_over_200_seeded_people()
    {
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 11 });
        int genuine = 0;
        int impostor = 0;
        const int people = 200;
        for (ulong p = 0; p < people; p++)
        {
            FuzzyExtraction enrolled = Extractor.Generate(sim.Scan(p, 0), Entropy(p));
            if (Extractor.TryReproduce(sim.Scan(p, 1), enrolled.Helper, out byte[]? secret))
            {
                genuine++;
                Assert.That(secret, Is.EqualTo(enrolled.Secret));
            }

            impostor += Extractor.TryReproduce(sim.Scan(p + 10_000, 1), enrolled.Helper, out _) ? 1 : 0;
        }

        // Analytic residual error after 5x voting is ~1.4% (≈6 of 409, t = 17): failures should be very rare.
        Assert.That(genuine, Is.GreaterThanOrEqualTo(196));
        Assert.That(impostor, Is.EqualTo(0));
    }

    [Test]
    public void Scans_far_beyond_tolerance_fail_with_a_clear_error()
    {
        var noisy = new PalmSimulator(new PalmSimulatorOptions { Seed = 5, GenuineBitErrorRate = 0.35 });
        FuzzyExtraction enrolled = Extractor.Generate(noisy.Scan(1, 0), Entropy(1));
        Assert.That(() => Extractor.Reproduce(noisy.Scan(1, 1), enrolled.Helper),
            Throws.TypeOf<PalmMismatchException>().With.Message.Contains("does not reproduce"));
    }

    [Test]
    public void Same_secret_gives_the_same_semaphore_commitment()
    {
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 3 });
        FuzzyExtraction enrolled = Extractor.Generate(sim.Scan(42, 0), Entropy(42));
        byte[] again = Extractor.Reproduce(sim.Scan(42, 7), enrolled.Helper);

        var original = new SemaphoreIdentity(enrolled.Secret);
        var restored = new SemaphoreIdentity(again);
        Assert.That(restored.Commitment, Is.EqualTo(original.Commitment));
        Assert.That(new SemaphoreIdentity(Extractor.Generate(sim.Scan(43, 0), Entropy(43)).Secret).Commitment, Is.Not.EqualTo(original.Commitment));
    }

    [Test]
    public void Gen_is_deterministic_in_its_entropy_and_fresh_otherwise()
    {
        PalmTemplate template = new PalmSimulator(new PalmSimulatorOptions()).Scan(1, 0);
        Assert.That(Extractor.Generate(template, Entropy(9)).Secret, Is.EqualTo(Extractor.Generate(template, Entropy(9)).Secret));
        Assert.That(Extractor.Generate(template).Secret, Is.Not.EqualTo(Extractor.Generate(template).Secret));
    }

    [Test]
    public void Helper_data_round_trips_and_keeps_masked_positions_clear()
    {
        var sim = new PalmSimulator(new PalmSimulatorOptions { Seed = 8, MaskDropout = 0.1 });
        PalmTemplate template = sim.Scan(2, 0);
        FuzzyExtraction enrolled = Extractor.Generate(template, Entropy(2));
        byte[] bytes = enrolled.Helper.ToBytes();
        FuzzyHelperData parsed = FuzzyHelperData.FromBytes(bytes);
        Assert.That(parsed.ToBytes(), Is.EqualTo(bytes));
        Assert.That(Extractor.Reproduce(sim.Scan(2, 1), parsed), Is.EqualTo(enrolled.Secret));
        for (int w = 0; w < template.WordCount; w++)
        {
            Assert.That(parsed.Offset[w] & ~template.Mask[w], Is.EqualTo(0UL));
        }
    }

    [Test]
    public void Malformed_helper_data_and_mismatched_inputs_are_rejected()
    {
        byte[] bytes = Extractor.Generate(new PalmSimulator(new PalmSimulatorOptions()).Scan(1, 0), Entropy(1)).Helper.ToBytes();
        Assert.That(() => FuzzyHelperData.FromBytes(bytes.AsSpan(0, bytes.Length - 1)), Throws.TypeOf<FormatException>());
        byte[] badVersion = (byte[])bytes.Clone();
        badVersion[0] = 9;
        Assert.That(() => FuzzyHelperData.FromBytes(badVersion), Throws.TypeOf<FormatException>().With.Message.Contains("version"));
        byte[] badCode = (byte[])bytes.Clone();
        badCode[3] = 1; // repetition 1 → code length 2048 > 511
        Assert.That(() => FuzzyHelperData.FromBytes(badCode), Throws.TypeOf<FormatException>());

        FuzzyHelperData helper = FuzzyHelperData.FromBytes(bytes);
        var small = new PalmTemplate(new ulong[16], new ulong[16], 1024);
        Assert.That(() => Extractor.TryReproduce(small, helper, out _), Throws.ArgumentException.With.Message.Contains("1024"));
        var otherExtractor = new CodeOffsetExtractor(new FuzzyExtractorParameters { CorrectableErrors = 16 });
        PalmTemplate scan = new PalmSimulator(new PalmSimulatorOptions()).Scan(1, 1);
        Assert.That(() => otherExtractor.TryReproduce(scan, helper, out _), Throws.ArgumentException);
    }

    private static byte[] Entropy(ulong i)
    {
        byte[] e = new byte[32];
        BitConverter.TryWriteBytes(e, i);
        e[31] = 0xA5;
        return e;
    }
}
