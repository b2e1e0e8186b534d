using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// MSMs large enough (window ≥ 8 bits) for the batched affine buckets, checked against the plain sum of scalar
/// multiplications. Few distinct bases make buckets meet the same point again (the doubling case) and its negation
/// (the cancellation case).
/// </summary>
public class MsmBatchAffineTests
{
    // At least 512 scalars other than 0 and 1, so that the window is 8 bits or more.
    [TestCase(700, 4, 1)]
    [TestCase(1100, 2, 2)]
    [TestCase(700, 700, 3)]
    public void G1_MatchesDiscreteLogSum(int n, int distinctBases, int seed)
    {
        // Every base is k·G with k known, so the expected result is (Σ s_i·k_i)·G: one multiplication, computed in Fr.
        Random random = new(seed);
        G1Affine g = G1Affine.Generator;
        G1Affine[] bases = new G1Affine[distinctBases];
        Fr[] logs = new Fr[distinctBases];
        for (int i = 0; i < distinctBases; i++)
        {
            logs[i] = i % 2 == 1 ? -logs[i - 1] : Fr.FromUInt64((ulong)random.Next(1, 1_000_000));
            bases[i] = g.Multiply(logs[i]).ToAffine();
        }

        G1Affine[] points = new G1Affine[n];
        Fr[] scalars = new Fr[n];
        Fr exponent = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            bool infinity = i % 97 == 5;
            points[i] = infinity ? G1Affine.Infinity : bases[i % distinctBases];
            scalars[i] = (i % 10) switch
            {
                0 => Fr.Zero,
                1 => Fr.One,
                2 => Fr.FromUInt64((ulong)random.Next(1, 300)), // small digits: the same buckets again and again
                3 => -Fr.One,
                _ => Fr.FromRandom(random),
            };
            if (!infinity)
            {
                exponent += scalars[i] * logs[i % distinctBases];
            }
        }

        Assert.That(Msm.Compute(points, scalars), Is.EqualTo(g.Multiply(exponent)));
    }

    [Test]
    public void G1_ScalarsCancelling_GiveInfinity()
    {
        Random random = new(9);
        const int n = 800;
        G1Affine[] points = new G1Affine[n];
        Fr[] scalars = new Fr[n];
        for (int i = 0; i < n; i += 2)
        {
            points[i] = G1Affine.Generator.Multiply(Fr.FromUInt64((ulong)i + 1)).ToAffine();
            points[i + 1] = i % 4 == 0 ? points[i] : points[i].Negate();
            scalars[i] = Fr.FromRandom(random);
            scalars[i + 1] = i % 4 == 0 ? -scalars[i] : scalars[i];
        }

        Assert.That(Msm.Compute(points, scalars).IsInfinity, Is.True);
    }

    [Test]
    public void G2_MatchesDiscreteLogSum()
    {
        Random random = new(21);
        G2Affine h = G2Affine.Generator;
        Fr[] logs = [Fr.FromUInt64(7), -Fr.FromUInt64(7), Fr.FromUInt64(123456)];
        G2Affine[] bases = [.. logs.Select(k => h.Multiply(k).ToAffine())];
        const int n = 640;
        G2Affine[] points = new G2Affine[n];
        Fr[] scalars = new Fr[n];
        Fr exponent = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            points[i] = bases[i % bases.Length];
            scalars[i] = i % 5 == 0 ? Fr.FromUInt64((ulong)random.Next(2, 200)) : Fr.FromRandom(random);
            exponent += scalars[i] * logs[i % bases.Length];
        }

        Assert.That(Msm.Compute(points, scalars), Is.EqualTo(h.Multiply(exponent)));
    }
}
