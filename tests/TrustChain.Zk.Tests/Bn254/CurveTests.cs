using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class CurveTests
{
    [Test]
    public void Generators_AreOnCurve_AndHaveOrderR()
    {
        Assert.That(G1Affine.Generator.IsOnCurve, Is.True);
        Assert.That(G2Affine.Generator.IsOnCurve, Is.True);
        Assert.That(G1Affine.Generator.Multiply(Limbs.R).IsInfinity, Is.True);
        Assert.That(G2Affine.Generator.Multiply(Limbs.R).IsInfinity, Is.True);
        Assert.That(G2Affine.Generator.IsInSubgroup, Is.True);
    }

    [Test]
    public void G1_ScalarMul_MatchesRepeatedAddition_AndDistributes()
    {
        G1Jacobian g = G1Jacobian.Generator;
        G1Jacobian acc = G1Jacobian.Infinity;
        for (ulong k = 1; k <= 40; k++)
        {
            acc += g;
            Assert.That(g.Multiply(Fr.FromUInt64(k)), Is.EqualTo(acc), $"k = {k}");
            Assert.That(acc.IsOnCurve, Is.True);
        }

        Random rnd = new(17);
        Fr a = Fr.FromRandom(rnd), b = Fr.FromRandom(rnd);
        Assert.That(g.Multiply(a) + g.Multiply(b), Is.EqualTo(g.Multiply(a + b)));
        Assert.That(g.Multiply(a).Multiply(b), Is.EqualTo(g.Multiply(a * b)));
        Assert.That(g.Multiply(-a) + g.Multiply(a), Is.EqualTo(G1Jacobian.Infinity));
    }

    [Test]
    public void G2_ScalarMul_MatchesRepeatedAddition_AndDistributes()
    {
        G2Jacobian g = G2Affine.Generator.ToJacobian();
        G2Jacobian acc = G2Jacobian.Infinity;
        for (ulong k = 1; k <= 20; k++)
        {
            acc += G2Affine.Generator;
            Assert.That(g.Multiply(Fr.FromUInt64(k)), Is.EqualTo(acc), $"k = {k}");
        }

        Random rnd = new(18);
        Fr a = Fr.FromRandom(rnd), b = Fr.FromRandom(rnd);
        Assert.That(g.Multiply(a) + g.Multiply(b), Is.EqualTo(g.Multiply(a + b)));
        Assert.That(g.Multiply(a).ToAffine().IsInSubgroup, Is.True);
    }

    [Test]
    public void MixedAndFullAddition_HandleDoublingAndInverse()
    {
        G1Jacobian g = G1Jacobian.Generator;
        Assert.That(g + G1Affine.Generator, Is.EqualTo(g.Double()));
        Assert.That(g + G1Affine.Generator.Negate(), Is.EqualTo(G1Jacobian.Infinity));
        Assert.That(g + g, Is.EqualTo(g.Double()));
        Assert.That(G1Jacobian.Infinity + G1Affine.Generator, Is.EqualTo(g));
        Assert.That(g + G1Affine.Infinity, Is.EqualTo(g));
    }

    [Test]
    public void BatchNormalize_MatchesSingleConversion_WithInfinities()
    {
        Random rnd = new(21);
        G1Jacobian[] points = new G1Jacobian[9];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = i % 4 == 2 ? G1Jacobian.Infinity : G1Jacobian.Generator.Multiply(Fr.FromRandom(rnd));
        }

        G1Affine[] affine = new G1Affine[points.Length];
        G1Jacobian.BatchNormalize(points, affine);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.That(affine[i], Is.EqualTo(points[i].ToAffine()));
        }

        G2Jacobian[] g2 = [G2Jacobian.Generator.Double(), G2Jacobian.Infinity, G2Jacobian.Generator.Multiply(Fr.FromRandom(rnd))];
        G2Affine[] g2Affine = new G2Affine[3];
        G2Jacobian.BatchNormalize(g2, g2Affine);
        Assert.That(g2Affine, Is.EqualTo(g2.Select(p => p.ToAffine()).ToArray()));
    }

    [Test]
    public void G2_SubgroupCheck_AgreesWithMultiplicationByR()
    {
        G2Affine outside = CurveTestPoints.G2PointOutsideSubgroup();
        Assert.That(outside.IsOnCurve, Is.True);
        Assert.That(outside.IsInSubgroup, Is.False);

        // Clearing the cofactor (2q − r) sends it into the subgroup; both checks must then agree.
        G2Jacobian cleared = outside.ToJacobian().Multiply(CofactorLimbs());
        Assert.That(cleared.IsInfinity, Is.False);
        Assert.That(cleared.Multiply(Limbs.R).IsInfinity, Is.True);
        Assert.That(cleared.IsInSubgroup, Is.True);
    }

    private static ulong[] CofactorLimbs()
    {
        System.Numerics.BigInteger h = 2 * Fq.Modulus - Fr.Modulus;
        byte[] b = h.ToByteArray(isUnsigned: true);
        ulong[] l = new ulong[(b.Length + 7) / 8];
        for (int i = 0; i < b.Length; i++)
        {
            l[i / 8] |= (ulong)b[i] << (8 * (i % 8));
        }

        return l;
    }

    [Test]
    public void Encodings_RoundTrip_AndRejectBadInput()
    {
        G1Affine p = G1Affine.Generator.Multiply(Fr.FromUInt64(12345)).ToAffine();
        Assert.That(G1Affine.FromBytes(p.ToBytes()), Is.EqualTo(p));
        Assert.That(G1Affine.FromBytes(new byte[64]).IsInfinity, Is.True);
        Assert.That(() => G1Affine.FromBytes(new byte[63]), Throws.ArgumentException.With.Message.Contains("64 bytes"));

        G2Affine q = G2Affine.Generator.Multiply(Fr.FromUInt64(999)).ToAffine();
        byte[] qb = q.ToBytes();
        Assert.That(G2Affine.FromBytes(qb), Is.EqualTo(q));
        Assert.That(G2Affine.FromBytes(new byte[128]).IsInfinity, Is.True);
        Assert.That(G2Affine.TryRead(CurveTestPoints.G2PointOutsideSubgroup().ToBytes(), out _, out string? error), Is.False);
        Assert.That(error, Does.Contain("subgroup"));
    }

    [Test]
    public void G2Encoding_PutsImaginaryPartFirst()
    {
        byte[] b = G2Affine.Generator.ToBytes();
        Assert.That(Convert.ToHexStringLower(b[..32]), Is.EqualTo("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"));
        Assert.That(Convert.ToHexStringLower(b[32..64]), Is.EqualTo("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"));
    }

    [Test]
    public void Sqrt_RoundTrips()
    {
        Random rnd = new(4);
        for (int i = 0; i < 10; i++)
        {
            Fq a = Fq.FromRandom(rnd);
            Assert.That(a.Square().TrySqrt(out Fq ra) && ra.Square() == a.Square(), Is.True);
            Fq2 b = new(Fq.FromRandom(rnd), Fq.FromRandom(rnd));
            Assert.That(b.Square().TrySqrt(out Fq2 rb) && rb.Square() == b.Square(), Is.True);
        }
    }
}
