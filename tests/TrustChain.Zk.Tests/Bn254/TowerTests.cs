using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class TowerTests
{
    private static readonly BigInteger Q = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");

    private static Fq2 RandomFq2(Random r) => new(Fq.FromRandom(r), Fq.FromRandom(r));

    private static Fq6 RandomFq6(Random r) => new(RandomFq2(r), RandomFq2(r), RandomFq2(r));

    private static Fq12 RandomFq12(Random r) => new(RandomFq6(r), RandomFq6(r));

    private static ulong[] QLimbs()
    {
        byte[] b = Q.ToByteArray(isUnsigned: true);
        ulong[] l = new ulong[4];
        for (int i = 0; i < b.Length; i++)
        {
            l[i / 8] |= (ulong)b[i] << (8 * (i % 8));
        }

        return l;
    }

    [Test]
    public void Fq2_USquaredIsMinusOne_AndInverseWorks()
    {
        Fq2 u = new(Fq.Zero, Fq.One);
        Assert.That(u.Square(), Is.EqualTo(-Fq2.One));
        Random rnd = new(1);
        Fq2 a = RandomFq2(rnd);
        Assert.That((a * a.Inverse()).IsOne, Is.True);
        Assert.That(a.Square(), Is.EqualTo(a * a));
        Assert.That(a.MulByNonResidue(), Is.EqualTo(a * Fq2.NonResidue));
    }

    [Test]
    public void Fq6_VCubedIsXi_AndFieldOperationsAgree()
    {
        Fq6 v = new(Fq2.Zero, Fq2.One, Fq2.Zero);
        Assert.That(v * v * v, Is.EqualTo(new Fq6(Fq2.NonResidue, Fq2.Zero, Fq2.Zero)));
        Random rnd = new(2);
        Fq6 a = RandomFq6(rnd), b = RandomFq6(rnd);
        Assert.That((a * a.Inverse()).IsOne, Is.True);
        Assert.That(a.Square(), Is.EqualTo(a * a));
        Assert.That(a * b, Is.EqualTo(b * a));
        Assert.That(a.MulByNonResidue(), Is.EqualTo(a * v));
        Fq2 b0 = RandomFq2(rnd), b1 = RandomFq2(rnd);
        Assert.That(a.MulBy01(b0, b1), Is.EqualTo(a * new Fq6(b0, b1, Fq2.Zero)));
        Assert.That(a.MulBy1(b1), Is.EqualTo(a * new Fq6(Fq2.Zero, b1, Fq2.Zero)));
    }

    [Test]
    public void Fq12_WSquaredIsV_AndFieldOperationsAgree()
    {
        Fq12 w = new(Fq6.Zero, Fq6.One);
        Assert.That(w.Square(), Is.EqualTo(new Fq12(new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero), Fq6.Zero)));
        Random rnd = new(3);
        Fq12 a = RandomFq12(rnd), b = RandomFq12(rnd), c = RandomFq12(rnd);
        Assert.That((a * a.Inverse()).IsOne, Is.True);
        Assert.That(a.Square(), Is.EqualTo(a * a));
        Assert.That(a * (b + c), Is.EqualTo(a * b + a * c));
        Assert.That((a * b) * c, Is.EqualTo(a * (b * c)));
    }

    [Test]
    public void Frobenius_EqualsPowerOfQ()
    {
        Random rnd = new(4);
        Fq12 a = RandomFq12(rnd);
        Fq12 aq = a.Pow(QLimbs());
        Assert.That(a.FrobeniusMap(1), Is.EqualTo(aq));
        Assert.That(a.FrobeniusMap(2), Is.EqualTo(aq.Pow(QLimbs())));
        Assert.That(a.FrobeniusMap(3), Is.EqualTo(a.FrobeniusMap(1).FrobeniusMap(2)));
        Assert.That(a.FrobeniusMap(12), Is.EqualTo(a));
        Fq6 b = RandomFq6(rnd);
        Assert.That(b.FrobeniusMap(1), Is.EqualTo(b.FrobeniusMap(7)));
        Assert.That(new Fq12(b, Fq6.Zero).FrobeniusMap(1), Is.EqualTo(new Fq12(b.FrobeniusMap(1), Fq6.Zero)));
    }

    [Test]
    public void MulBy034_MatchesFullMultiplication()
    {
        Random rnd = new(5);
        Fq12 a = RandomFq12(rnd);
        Fq2 d0 = RandomFq2(rnd), d3 = RandomFq2(rnd), d4 = RandomFq2(rnd);
        Fq12 sparse = new(new Fq6(d0, Fq2.Zero, Fq2.Zero), new Fq6(d3, d4, Fq2.Zero));
        Assert.That(a.MulBy034(d0, d3, d4), Is.EqualTo(a * sparse));
    }

    [Test]
    public void CyclotomicSquare_MatchesSquare_OnCyclotomicElements()
    {
        Random rnd = new(6);
        Fq12 f = RandomFq12(rnd);
        // f^((q^6 − 1)(q^2 + 1)) lies in the cyclotomic subgroup.
        Fq12 g = f.Conjugate() * f.Inverse();
        g = g.FrobeniusMap(2) * g;
        Assert.That(g.CyclotomicSquare(), Is.EqualTo(g.Square()));
        Assert.That(g.CyclotomicPow(Bn254Parameters.U), Is.EqualTo(g.Pow([Bn254Parameters.U])));
        Assert.That(g * g.Conjugate(), Is.EqualTo(Fq12.One));
    }
}
