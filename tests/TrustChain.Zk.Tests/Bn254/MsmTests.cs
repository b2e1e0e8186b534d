using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class MsmTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(5)]
    [TestCase(33)]
    [TestCase(130)]
    public void G1_MatchesNaiveSum_WithZeroAndOneScalars(int n)
    {
        Random rnd = new(n + 100);
        G1Affine[] points = new G1Affine[n];
        Fr[] scalars = new Fr[n];
        G1Jacobian expected = G1Jacobian.Infinity;
        for (int i = 0; i < n; i++)
        {
            points[i] = i % 11 == 7 ? G1Affine.Infinity : G1Affine.Generator.Multiply(Fr.FromUInt64((ulong)rnd.Next(1, 1_000_000))).ToAffine();
            scalars[i] = (i % 3) switch
            {
                0 => Fr.Zero,
                1 => Fr.One,
                _ => Fr.FromRandom(rnd),
            };
            expected += points[i].Multiply(scalars[i]);
        }

        Assert.That(Msm.Compute(points, scalars), Is.EqualTo(expected));
    }

    [TestCase(3)]
    [TestCase(40)]
    public void G2_MatchesNaiveSum(int n)
    {
        Random rnd = new(n);
        G2Affine[] points = new G2Affine[n];
        Fr[] scalars = new Fr[n];
        G2Jacobian expected = G2Jacobian.Infinity;
        for (int i = 0; i < n; i++)
        {
            points[i] = G2Affine.Generator.Multiply(Fr.FromUInt64((ulong)rnd.Next(1, 1_000_000))).ToAffine();
            scalars[i] = i % 4 == 0 ? Fr.One : Fr.FromRandom(rnd);
            expected += points[i].Multiply(scalars[i]);
        }

        Assert.That(Msm.Compute(points, scalars), Is.EqualTo(expected));
    }

    [Test]
    public void RepeatedPoint_WithMinusOne_Cancels()
    {
        G1Affine g = G1Affine.Generator;
        Assert.That(Msm.Compute([g, g, g], [Fr.One, -Fr.One, Fr.Zero]).IsInfinity, Is.True);
    }

    [Test]
    public void MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => Msm.Compute([G1Affine.Generator], ReadOnlySpan<Fr>.Empty));
}
