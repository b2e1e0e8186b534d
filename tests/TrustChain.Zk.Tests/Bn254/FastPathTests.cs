using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// The verification fast paths (unreduced Karatsuba sums in F_q2, width-4 cyclotomic exponentiation, Miller loop with
/// on-the-fly lines) against the generic path or against integer arithmetic, on random inputs with fixed seeds.
/// </summary>
[TestFixture]
public class FastPathTests
{
    private static readonly BigInteger Q = BigInteger.Parse(Fq.ModulusDecimal);

    private static Fq2 RandomFq2(Random r) => new(Fq.FromRandom(r), Fq.FromRandom(r));

    private static Fq12 RandomCyclotomic(Random r)
    {
        Fq12 f = new(new Fq6(RandomFq2(r), RandomFq2(r), RandomFq2(r)), new Fq6(RandomFq2(r), RandomFq2(r), RandomFq2(r)));
        Fq12 g = f.Conjugate() * f.Inverse();
        return g.FrobeniusMap(2) * g;
    }

    private static IEnumerable<TestCaseData> Fq2Operands()
    {
        Fq max = Fq.FromBigInteger(Q - 1);
        Fq2 extreme = new(max, max);
        yield return new TestCaseData(extreme, extreme).SetName("Fq2_AllCoordinatesQMinus1");
        yield return new TestCaseData(extreme, Fq2.One).SetName("Fq2_QMinus1TimesOne");
        yield return new TestCaseData(new Fq2(Fq.Zero, max), new Fq2(max, Fq.Zero)).SetName("Fq2_MixedZeroAndMax");
        Random rnd = new(31);
        for (int i = 0; i < 8; i++)
        {
            yield return new TestCaseData(RandomFq2(rnd), RandomFq2(rnd)).SetName($"Fq2_Random{i}");
        }
    }

    [TestCaseSource(nameof(Fq2Operands))]
    public void Fq2_MulAndSquare_MatchIntegerArithmetic(Fq2 a, Fq2 b)
    {
        BigInteger a0 = a.C0.ToBigInteger(), a1 = a.C1.ToBigInteger(), b0 = b.C0.ToBigInteger(), b1 = b.C1.ToBigInteger();
        Fq2 product = a * b;
        Assert.That(product.C0.ToBigInteger(), Is.EqualTo(Mod(a0 * b0 - a1 * b1)));
        Assert.That(product.C1.ToBigInteger(), Is.EqualTo(Mod(a0 * b1 + a1 * b0)));

        Fq2 square = a.Square();
        Assert.That(square.C0.ToBigInteger(), Is.EqualTo(Mod(a0 * a0 - a1 * a1)));
        Assert.That(square.C1.ToBigInteger(), Is.EqualTo(Mod(2 * a0 * a1)));

        // The results must be canonical, or equality with values built elsewhere would fail.
        Assert.That(product, Is.EqualTo(new Fq2(Fq.FromBigInteger(Mod(a0 * b0 - a1 * b1)), Fq.FromBigInteger(Mod(a0 * b1 + a1 * b0)))));
    }

    [TestCase(0UL)]
    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(7UL)]
    [TestCase(0x8000000000000000UL)]
    [TestCase(0xffffffffffffffffUL)]
    [TestCase(0x44e992b44a6909f1UL)]
    [TestCase(0x5555555555555555UL)]
    [TestCase(0x7777777777777777UL)]
    public void CyclotomicPow_MatchesGenericPow(ulong exponent)
    {
        Fq12 g = RandomCyclotomic(new Random(41));
        Assert.That(g.CyclotomicPow(exponent), Is.EqualTo(g.Pow([exponent])));
    }

    [Test]
    public void CyclotomicPow_MatchesGenericPow_OnRandomExponents()
    {
        Random rnd = new(43);
        Fq12 g = RandomCyclotomic(rnd);
        for (int i = 0; i < 4; i++)
        {
            ulong e = (ulong)rnd.NextInt64() ^ ((ulong)rnd.Next() << 40);
            Assert.That(g.CyclotomicPow(e), Is.EqualTo(g.Pow([e])), $"exponent {e}");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void MillerLoop_WithOnTheFlyPair_EqualsFullyPreparedLoop(int seed)
    {
        Random rnd = new(50 + seed);
        G1Affine[] p = new G1Affine[3];
        G2Affine[] q = new G2Affine[3];
        for (int i = 0; i < 3; i++)
        {
            p[i] = G1Affine.Generator.Multiply(Fr.FromRandom(rnd)).ToAffine();
            q[i] = G2Affine.Generator.Multiply(Fr.FromRandom(rnd)).ToAffine();
        }

        G2Prepared[] prepared = [new G2Prepared(q[0]), new G2Prepared(q[1]), new G2Prepared(q[2])];
        Fq12 reference = Pairing.MillerLoop(p, prepared);
        Fq12 fused = Pairing.MillerLoop(p.AsSpan(0, 2), prepared.AsSpan(0, 2), p[2], q[2]);
        Assert.That(fused, Is.EqualTo(reference));
    }

    [Test]
    public void MillerLoop_WithOnTheFlyPairOnly_EqualsPreparedSinglePair()
    {
        G1Affine p = G1Affine.Generator.Multiply(Fr.FromUInt64(5)).ToAffine();
        G2Affine q = G2Affine.Generator.Multiply(Fr.FromUInt64(11)).ToAffine();
        Fq12 reference = Pairing.MillerLoop([p], [new G2Prepared(q)]);
        Assert.That(Pairing.MillerLoop([], [], p, q), Is.EqualTo(reference));
    }

    [Test]
    public void MillerLoop_WithInfiniteOnTheFlyPair_ContributesOne()
    {
        G1Affine p = G1Affine.Generator;
        G2Prepared q = new(G2Affine.Generator);
        Fq12 reference = Pairing.MillerLoop([p], [q]);
        Assert.That(Pairing.MillerLoop([p], [q], G1Affine.Infinity, G2Affine.Generator), Is.EqualTo(reference));
        Assert.That(Pairing.MillerLoop([p], [q], G1Affine.Generator, G2Affine.Infinity), Is.EqualTo(reference));
    }

    [Test]
    public void MillerLoop_WithOnTheFlyPair_RejectsMismatchedSpans()
    {
        Assert.That(() => Pairing.MillerLoop([G1Affine.Generator], [], G1Affine.Generator, G2Affine.Generator),
            Throws.ArgumentException.With.Message.Contains("1 G1 points and 0 G2 points"));
    }

    private static BigInteger Mod(BigInteger v)
    {
        BigInteger m = v % Q;
        return m.Sign < 0 ? m + Q : m;
    }
}
