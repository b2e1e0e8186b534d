using TrustChain.Biometrics.Study;

namespace TrustChain.Biometrics.Tests.Study;

public class BinomialTailTests
{
    [TestCase(10, 0.5, 5, 0.623046875)]     // 638/1024
    [TestCase(4, 0.25, 2, 0.26171875)]      // 1 − (81 + 108)/256
    [TestCase(64, 0.5, 0, 1.0)]
    [TestCase(64, 0.5, 65, 0.0)]
    public void At_least_matches_exact_values(int k, double p, int m, double expected) =>
        Assert.That(BinomialTail.AtLeast(k, p, m), Is.EqualTo(expected).Within(1e-12));

    [TestCase(2.0, 3, 0.3233235838169365)]          // 1 − 5e^-2
    [TestCase(0.5, 4, 0.0017516225562909105)]       // 1 − e^-0.5 (1 + 1/2 + 1/8 + 1/48)
    [TestCase(1.0, 20, 1.5875276010732633e-19)]     // Σ_{i≥20} e^-1 / i!
    [TestCase(3.0, 0, 1.0)]
    [TestCase(0.0, 1, 0.0)]
    public void Poisson_upper_tail_matches_exact_values(double lambda, int c, double expected) =>
        Assert.That(BinomialTail.PoissonAtLeast(lambda, c), Is.EqualTo(expected).Within(1e-9).Percent.Or.EqualTo(expected).Within(1e-15));

    [Test]
    public void Tiny_tails_keep_relative_precision()
    {
        // P(Bin(64, 2^-10) ≥ 8) ≈ C(64,8)·2^-80·(1−2^-10)^56 ≈ 3.64e-15.
        double tail = BinomialTail.AtLeast(64, 1.0 / 1024, 8);
        double firstTerm = 4426165368.0 * Math.Pow(2, -80) * Math.Pow(1 - 1.0 / 1024, 56);
        // The next term is (56/9)·p/q ≈ 0.6% of the first; the rest is negligible.
        Assert.That(tail / firstTerm, Is.InRange(1.005, 1.007));
        Assert.That(BinomialTail.Below(64, 0.5, 1), Is.EqualTo(Math.Pow(2, -64)).Within(1e-6).Percent);
        // 1 − e^(−1e-7) = 1e-7 − 5e-15 + …
        Assert.That(BinomialTail.AnyOf(1e-15, 1e8), Is.EqualTo(9.99999950000001667e-8).Within(1e-7).Percent);
        Assert.That(BinomialTail.AnyOf(0.5, 2), Is.EqualTo(0.75).Within(1e-12));
    }
}
