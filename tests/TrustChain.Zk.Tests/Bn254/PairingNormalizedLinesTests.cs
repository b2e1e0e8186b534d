using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// The verifier's pairing fast paths against the generic ones, on random points with fixed seeds: lines of fixed G2
/// points divided by their constant term (<see cref="G2Prepared"/> with normalizeLines), the sparse product
/// <see cref="Fq12.MulBy34"/>, and the F_q12 squarings built from F_q6 / F_q2 squarings.
/// </summary>
[TestFixture]
public class PairingNormalizedLinesTests
{
    private static Fq2 RandomFq2(Random r) => new(Fq.FromRandom(r), Fq.FromRandom(r));

    private static Fq6 RandomFq6(Random r) => new(RandomFq2(r), RandomFq2(r), RandomFq2(r));

    private static Fq12 RandomFq12(Random r) => new(RandomFq6(r), RandomFq6(r));

    private static G1Affine RandomG1(Random r) => G1Affine.Generator.Multiply(Fr.FromRandom(r)).ToAffine();

    private static G2Affine RandomG2(Random r) => G2Affine.Generator.Multiply(Fr.FromRandom(r)).ToAffine();

    [Test]
    public void NormalizedPrepared_KeepsGenericCoefficients_AndHasTwoPerLine()
    {
        G2Affine q = RandomG2(new Random(7));
        G2Prepared generic = new(q);
        G2Prepared normalized = new(q, normalizeLines: true);
        Assert.That(normalized.Coefficients, Is.EqualTo(generic.Coefficients));
        Assert.That(generic.NormalizedCoefficients, Is.Null);
        Assert.That(normalized.NormalizedCoefficients, Is.Not.Null);
        Assert.That(normalized.NormalizedCoefficients!.Length * 3, Is.EqualTo(2 * generic.Coefficients.Length));
    }

    [Test]
    public void NormalizedPrepared_LinesAreGenericLinesDividedByD0()
    {
        G2Prepared normalized = new(RandomG2(new Random(8)), normalizeLines: true);
        Fq2[] c = normalized.Coefficients, n = normalized.NormalizedCoefficients!;
        for (int line = 0; line < c.Length / 3; line++)
        {
            Assert.That(n[2 * line] * c[3 * line], Is.EqualTo(c[3 * line + 1]), $"d3 of line {line}");
            Assert.That(n[2 * line + 1] * c[3 * line], Is.EqualTo(c[3 * line + 2]), $"d4 of line {line}");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void MillerLoop_WithNormalizedPairs_GivesTheGenericPairingValue(int seed)
    {
        Random rnd = new(100 + seed);
        G1Affine[] p = [RandomG1(rnd), RandomG1(rnd), RandomG1(rnd)];
        G2Affine[] q = [RandomG2(rnd), RandomG2(rnd), RandomG2(rnd)];
        G2Prepared[] generic = [new(q[0]), new(q[1]), new(q[2])];

        // Mixed: the first two pairs normalized, the third not, as in a Groth16 check with a third prepared pair.
        G2Prepared[] mixed = [new(q[0], normalizeLines: true), new(q[1], normalizeLines: true), new(q[2])];
        Fq12 expected = Pairing.FinalExponentiation(Pairing.MillerLoop(p, generic));
        Assert.That(Pairing.FinalExponentiation(Pairing.MillerLoop(p, mixed)), Is.EqualTo(expected));

        // With the on-the-fly pair, the shape Groth16Verifier uses.
        Fq12 fused = Pairing.MillerLoop(p.AsSpan(0, 2), mixed.AsSpan(0, 2), p[2], q[2]);
        Assert.That(Pairing.FinalExponentiation(fused), Is.EqualTo(expected));
    }

    [Test]
    public void MillerLoop_WithNormalizedPairs_IsBilinear()
    {
        Random rnd = new(200);
        Fr a = Fr.FromRandom(rnd), b = Fr.FromRandom(rnd);
        G1Affine p = G1Affine.Generator.Multiply(a).ToAffine();
        G2Prepared q = new(G2Affine.Generator.Multiply(b).ToAffine(), normalizeLines: true);
        G1Affine abP = G1Affine.Generator.Multiply(a * b).ToAffine();
        G2Prepared g = new(G2Affine.Generator, normalizeLines: true);
        Fq12 lhs = Pairing.FinalExponentiation(Pairing.MillerLoop([p], [q]));
        Fq12 rhs = Pairing.FinalExponentiation(Pairing.MillerLoop([abP], [g]));
        Assert.That(lhs, Is.EqualTo(rhs));
        Assert.That(lhs.IsOne, Is.False);

        // e(P, bQ)·e(−abP, Q) = 1 through the check entry point.
        Assert.That(Pairing.PairingCheck([p, abP.Negate()], [q, g]), Is.True);
        Assert.That(Pairing.PairingCheck([p, abP], [q, g]), Is.False);
    }

    [Test]
    public void MillerLoop_WithNormalizedPairs_SkipsInfinities()
    {
        Random rnd = new(300);
        G1Affine p = RandomG1(rnd);
        G2Affine q = RandomG2(rnd);
        G2Prepared normalized = new(q, normalizeLines: true);
        Fq12 expected = Pairing.FinalExponentiation(Pairing.MillerLoop([p], [new G2Prepared(q)]));
        Fq12 actual = Pairing.MillerLoop([G1Affine.Infinity, p, p], [normalized, normalized, new G2Prepared(G2Affine.Infinity)]);
        Assert.That(Pairing.FinalExponentiation(actual), Is.EqualTo(expected));
    }

    [Test]
    public void MillerLoop_WithManyNormalizedPairs_UsesHeapBuffers()
    {
        // More pairs than the stack buffers hold: e(P_i, Q)·e(−P_i, Q) for 10 pairs is 1.
        Random rnd = new(400);
        G2Prepared q = new(RandomG2(rnd), normalizeLines: true);
        List<G1Affine> ps = [];
        List<G2Prepared> qs = [];
        for (int i = 0; i < 10; i++)
        {
            G1Affine p = RandomG1(rnd);
            ps.AddRange([p, p.Negate()]);
            qs.AddRange([q, q]);
        }

        Assert.That(Pairing.PairingCheck(ps.ToArray(), qs.ToArray()), Is.True);
        ps[0] = ps[2];
        Assert.That(Pairing.PairingCheck(ps.ToArray(), qs.ToArray()), Is.False);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void MulBy34_EqualsDenseProduct(int seed)
    {
        Random rnd = new(500 + seed);
        Fq12 f = RandomFq12(rnd);
        Fq2 d3 = RandomFq2(rnd), d4 = RandomFq2(rnd);
        Fq12 line = new(Fq6.One, new Fq6(d3, d4, Fq2.Zero));
        Assert.That(f.MulBy34(d3, d4), Is.EqualTo(f * line));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Square_EqualsSelfProduct(int seed)
    {
        Fq12 f = RandomFq12(new Random(600 + seed));
        Assert.That(f.Square(), Is.EqualTo(f * f));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void CyclotomicSquare_EqualsSquare_InTheCyclotomicSubgroup(int seed)
    {
        Fq12 f = RandomFq12(new Random(700 + seed));
        Fq12 g = f.Conjugate() * f.Inverse();
        g = g.FrobeniusMap(2) * g;
        Assert.That(g.CyclotomicSquare(), Is.EqualTo(g * g));
        Assert.That(g.CyclotomicSquare().CyclotomicSquare(), Is.EqualTo(g.Square().Square()));
    }

    [TestCase(2)]
    [TestCase(4)]
    public void MillerLoop_WithSeveralOnTheFlyPairs_EqualsPreparedLoop(int variables)
    {
        Random rnd = new(800 + variables);
        G1Affine[] p = new G1Affine[variables + 2];
        G2Affine[] q = new G2Affine[variables + 2];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = RandomG1(rnd);
            q[i] = RandomG2(rnd);
        }

        // One on-the-fly pair at infinity contributes 1, as a prepared one does.
        p[^1] = G1Affine.Infinity;
        G2Prepared[] prepared = [.. q.Select(x => new G2Prepared(x))];
        Fq12 reference = Pairing.MillerLoop(p, prepared);
        Fq12 fused = Pairing.MillerLoop(p.AsSpan(0, 2), prepared.AsSpan(0, 2), p.AsSpan(2), q.AsSpan(2));
        Assert.That(fused, Is.EqualTo(reference));
        Assert.That(() => Pairing.MillerLoop([], [], p.AsSpan(0, 2), q.AsSpan(0, 1)),
            Throws.ArgumentException.With.Message.Contains("2 G1 points and 1 G2 points"));
    }
}
