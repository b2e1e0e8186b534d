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
            PalmStudyResult result = PalmStudy.Run(new PalmStudyOptions { People = 600, FuzzyTrials = 60, BandWidths = [8, 10, 12, 16], PlotPath = plot }, output);
            string text = output.ToString();
            TestContext.Out.WriteLine(text);

            Assert.That(text.Split('\n').Where(l => l.StartsWith('[')), Has.All.StartWith("[SYNTHETIC]"));
            Assert.That(text, Does.Contain("Recommended genesis defaults: PalmBands="));
            Assert.That(result.Recommended.Bands, Is.LessThanOrEqualTo(64));
            Assert.That(result.Recommended.FalseDuplicateRate(1e8), Is.LessThanOrEqualTo(1e-6));
            Assert.That(result.Recommended.MissedDuplicateRate, Is.LessThanOrEqualTo(result.Provisional.MissedDuplicateRate * 1.1 + 1e-15)
                .Or.Property(nameof(DedupConfiguration.Bands)).LessThanOrEqualTo(result.Provisional.Bands));
            // Distinct simulated people are never duplicates at these sizes; the genuine miss rate agrees with the model.
            Assert.That(result.RecommendedCheck.FalseDuplicates, Is.EqualTo(0));
            Assert.That(result.RecommendedCheck.MissedRate, Is.LessThanOrEqualTo(Math.Max(0.02, 3 * result.Recommended.MissedDuplicateRate)));
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
    public void Invalid_options_are_rejected()
    {
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { People = 2 }, TextWriter.Null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { BandCounts = [65] }, TextWriter.Null), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PalmStudy.Run(new PalmStudyOptions { BandSeed = new byte[3] }, TextWriter.Null), Throws.ArgumentException);
    }
}
