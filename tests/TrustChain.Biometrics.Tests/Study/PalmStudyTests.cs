using TrustChain.Biometrics.Study;

namespace TrustChain.Biometrics.Tests.Study;

public class PalmStudyTests
{
    [Test]
    public void Study_prints_labelled_results_recommends_defaults_and_writes_a_plot()
    {
        string plot = Path.Combine(Path.GetTempPath(), $"palm-study-{Guid.NewGuid():N}.png");
        try
        {
            var output = new StringWriter();
            var options = new PalmStudyOptions { People = 1000, FuzzyTrials = 60, PlotPath = plot };
            PalmStudyResult result = PalmStudy.Run(options, output);
            string text = output.ToString();
            TestContext.Out.WriteLine(text);

            DedupConfiguration r = result.Recommended;
            Assert.That(text.Split('\n').Where(l => l.StartsWith('[')), Has.All.StartWith("[SYNTHETIC]"));
            Assert.That(text, Does.Contain("Recommended genesis defaults: PalmBands=").And.Contain("owners/tag (N/2^b)"));
            Assert.That(text, Does.Not.Contain("falling back"));
            Assert.That(r.FalseDuplicateRate(1e8), Is.LessThanOrEqualTo(options.TargetFalseDuplicateRate));
            Assert.That(r.MissedDuplicateRate, Is.LessThanOrEqualTo(options.MaxMissedRate));
            Assert.That(r.ExpectedOwnersPerTag(1e8), Is.LessThanOrEqualTo(options.MaxOwnersPerTag));
            // The session-2 defaults share every tag value among ~390,000 humans at 10^8.
            Assert.That(result.Provisional.ExpectedOwnersPerTag(1e8), Is.EqualTo(1e8 / 256).Within(1e-6));
            // Distinct simulated people are never duplicates at these sizes; the simulated miss rate is within the bound.
            Assert.That(result.RecommendedCheck.FalseDuplicates, Is.EqualTo(0));
            Assert.That(result.RecommendedCheck.MissedRate, Is.LessThanOrEqualTo(options.MaxMissedRate));
            // The owner lists do not fill at the target population with the genesis cap.
            Assert.That(r.ExpectedFullLists(1e8, options.OwnerListCap), Is.LessThan(1e-6));
            Assert.That(result.Fuzzy.GenuineRate, Is.GreaterThanOrEqualTo(0.95));
            Assert.That(result.Fuzzy.ImpostorReproduced, Is.EqualTo(0));
            Assert.That(File.ReadAllBytes(plot).AsSpan(1, 3).ToArray(), Is.EqualTo("PNG"u8.ToArray()));
        }
        finally
        {
            File.Delete(plot);
        }
    }

    [Test]
    public void Owner_dimension_is_n_over_two_to_the_band_bits()
    {
        var config = new DedupConfiguration(Bands: 192, BandBits: 20, DedupMatch: 4, GenuineBandMatch: 0.05, ImpostorBandMatch: Math.Pow(2, -20));
        Assert.Multiple(() =>
        {
            Assert.That(config.ExpectedOwnersPerTag(1e8), Is.EqualTo(95.367431640625).Within(1e-9));
            Assert.That(config.OwnerReadsPerCheck(1e8), Is.EqualTo(192 * 95.367431640625).Within(1e-6));
            // 192 · 2^20 lists, each Poisson(95.4): none reaches 256, all reach 1.
            Assert.That(config.ExpectedFullLists(1e8, 256), Is.LessThan(1e-20));
            Assert.That(config.ExpectedFullLists(1e8, 1), Is.EqualTo(192 * Math.Pow(2, 20)).Within(1e-6).Percent);
        });
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { People = 2 }, TextWriter.Null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { BandCounts = [257] }, TextWriter.Null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { BandSeed = new byte[3] }, TextWriter.Null), Throws.ArgumentException);
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { MaxMissedRate = 0 }, TextWriter.Null), Throws.ArgumentException);
    }
}
