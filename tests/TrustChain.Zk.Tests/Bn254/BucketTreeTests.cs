using TrustChain.Zk.Bn254;
using G1BucketTree = TrustChain.Zk.Bn254.BucketTree<TrustChain.Zk.Bn254.G1Curve, TrustChain.Zk.Bn254.G1Affine, TrustChain.Zk.Bn254.G1Jacobian, TrustChain.Zk.Bn254.Fq>;
using G1Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G1Curve, TrustChain.Zk.Bn254.G1Affine, TrustChain.Zk.Bn254.G1Jacobian, TrustChain.Zk.Bn254.Fq>;
using G2BucketTree = TrustChain.Zk.Bn254.BucketTree<TrustChain.Zk.Bn254.G2Curve, TrustChain.Zk.Bn254.G2Affine, TrustChain.Zk.Bn254.G2Jacobian, TrustChain.Zk.Bn254.Fq2>;
using G2Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G2Curve, TrustChain.Zk.Bn254.G2Affine, TrustChain.Zk.Bn254.G2Jacobian, TrustChain.Zk.Bn254.Fq2>;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// <see cref="BucketTree{TCurve, TAffine, TJacobian, TField}"/> on G1 and G2 (the MSM bucket phase: sorted buckets summed as trees,
/// then the segmented affine reduction) against an independent discrete-log computation: every base is l·g with l
/// known, so a window's Σ_k d_k·P_k is (Σ_k d_k·l_k)·g, one scalar multiplication computed in F_r. Both the
/// machine-code and the managed batch kernels run on every case. Repeated bases force doublings inside the trees,
/// bases next to their negations force cancellations (infinity in trees, running sums and accumulators), and zero
/// digits, infinity points and empty buckets are mixed in. Fixed seeds throughout.
/// </summary>
public class BucketTreeTests
{
    // c, points, distinct bases, windows, first window of the group, windows in the group, seed
    [TestCase(3, 200, 6, 5, 0, 4, 1)]
    [TestCase(6, 300, 300, 3, 1, 2, 2)]
    [TestCase(7, 900, 2, 4, 0, 4, 3)]
    [TestCase(10, 1500, 40, 2, 1, 1, 4)]
    [TestCase(10, 2500, 1000, 4, 0, 4, 5)]
    public void G1_WindowSums_MatchDiscreteLogs(int c, int n, int distinctBases, int windows, int first, int count, int seed)
    {
        Random random = new(seed);
        (Fr[] logs, G1Affine[] points) = G1Points(random, n, distinctBases);
        (int[] indices, short[] digits) = Digits(random, n, windows, c);
        foreach (bool native in new[] { true, false })
        {
            G1Jacobian[] sums = new G1Jacobian[windows];
            G1BucketTree.SumWindows(points, indices, digits, windows, first, count, c, sums, native);
            for (int w = first; w < first + count; w++)
            {
                Fr exponent = WindowExponent(logs, points.Select(p => p.IsInfinity).ToArray(), indices, digits, windows, w);
                Assert.That(sums[w], Is.EqualTo(G1Affine.Generator.Multiply(exponent)), $"window {w}, native {native}");
            }
        }
    }

    [TestCase(4, 120, 4, 1)]
    [TestCase(10, 700, 7, 2)]
    public void G2_WindowSums_MatchDiscreteLogs(int c, int n, int distinctBases, int seed)
    {
        const int windows = 3;
        Random random = new(seed);
        Fr[] logs = BaseLogs(random, distinctBases);
        G2Affine[] bases = [.. logs.Select(l => G2Affine.Generator.Multiply(l).ToAffine())];
        G2Affine[] points = new G2Affine[n];
        Fr[] pointLogs = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            bool infinity = i % 53 == 7;
            points[i] = infinity ? G2Affine.Infinity : bases[i % distinctBases];
            pointLogs[i] = logs[i % distinctBases];
        }

        (int[] indices, short[] digits) = Digits(random, n, windows, c);
        foreach (bool native in new[] { true, false })
        {
            G2Jacobian[] sums = new G2Jacobian[windows];
            G2BucketTree.SumWindows(points, indices, digits, windows, 0, windows, c, sums, native);
            for (int w = 0; w < windows; w++)
            {
                Fr exponent = WindowExponent(pointLogs, points.Select(p => p.IsInfinity).ToArray(), indices, digits, windows, w);
                Assert.That(sums[w], Is.EqualTo(G2Affine.Generator.Multiply(exponent)), $"window {w}, native {native}");
            }
        }
    }

    [Test]
    public void G1_PointsThatCancel_GiveInfinityInEveryWindow()
    {
        // P and −P with the same digits: every bucket sums to infinity, so trees and the reduction see only infinities.
        const int c = 8, windows = 4, pairs = 400;
        Random random = new(11);
        G1Affine[] points = new G1Affine[2 * pairs];
        for (int i = 0; i < pairs; i++)
        {
            points[2 * i] = G1Affine.Generator.Multiply(Fr.FromUInt64((ulong)random.Next(1, 50))).ToAffine();
            points[(2 * i) + 1] = points[2 * i].Negate();
        }

        int[] indices = [.. Enumerable.Range(0, 2 * pairs)];
        short[] digits = new short[2 * pairs * windows];
        for (int i = 0; i < pairs; i++)
        {
            for (int w = 0; w < windows; w++)
            {
                short d = (short)random.Next(-(1 << (c - 1)), 1 << (c - 1));
                digits[(2 * i * windows) + w] = d;
                digits[(((2 * i) + 1) * windows) + w] = d;
            }
        }

        G1Jacobian[] sums = new G1Jacobian[windows];
        G1BucketTree.SumWindows(points, indices, digits, windows, 0, windows, c, sums);
        Assert.That(sums.All(s => s.IsInfinity), Is.True);
    }

    [TestCase(0, 3)]
    [TestCase(700, 21)]
    [TestCase(1300, 22)]
    public void PreparedMsm_TasksRunInReverseOrder_MatchDiscreteLogSum(int general, int seed)
    {
        // The prover runs the tasks of several MSMs in one loop, in any order; zero and one scalars go beside the tasks.
        Random random = new(seed);
        int n = general + 40;
        const int distinct = 30;
        (Fr[] logs, G1Affine[] points) = G1Points(random, n, distinct);
        G2Affine[] bases2 = [.. logs.Take(distinct).Select(l => G2Affine.Generator.Multiply(l).ToAffine())];
        Fr[] scalars = new Fr[n];
        Fr exponent = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            scalars[i] = i < general ? Fr.FromRandom(random) : (i % 2 == 0 ? Fr.One : Fr.Zero);
            if (!points[i].IsInfinity)
            {
                exponent += scalars[i] * logs[i];
            }
        }

        G2Affine[] points2 = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            points2[i] = points[i].IsInfinity ? G2Affine.Infinity : bases2[i % distinct];
        }

        G1Pippenger msm = Msm.Prepare(points, scalars);
        G2Pippenger msm2 = Msm.Prepare(points2, scalars);
        Assert.That(msm.TaskCount, general == 0 ? Is.Zero : Is.Positive);
        for (int task = msm.TaskCount - 1; task >= 0; task--)
        {
            msm.RunTask(task);
        }

        for (int task = msm2.TaskCount - 1; task >= 0; task--)
        {
            msm2.RunTask(task);
        }

        Assert.That(msm.Finish(), Is.EqualTo(G1Affine.Generator.Multiply(exponent)));
        Assert.That(msm2.Finish(), Is.EqualTo(G2Affine.Generator.Multiply(exponent)));
    }

    [Test]
    public void WindowBits_GrowWithThePointCount()
    {
        int previous = 0;
        foreach (int n in new[] { 512, 2_000, 6_000, 8_192, 65_536, 1 << 20 })
        {
            int c = G1BucketTree.WindowBits(n);
            Assert.That(c, Is.InRange(Math.Max(previous, 4), 16), $"n = {n}");
            Assert.That(G2BucketTree.WindowBits(n), Is.EqualTo(c));
            previous = c;
        }

        Assert.That(previous, Is.GreaterThan(G1BucketTree.WindowBits(512)));
    }

    private static Fr[] BaseLogs(Random random, int distinct)
    {
        // Odd positions hold the negation of the previous base, so buckets meet P and −P.
        Fr[] logs = new Fr[distinct];
        for (int i = 0; i < distinct; i++)
        {
            logs[i] = i % 2 == 1 ? -logs[i - 1] : Fr.FromUInt64((ulong)random.Next(1, 1 << 30));
        }

        return logs;
    }

    private static (Fr[] Logs, G1Affine[] Points) G1Points(Random random, int n, int distinct)
    {
        Fr[] logs = BaseLogs(random, distinct);
        G1Affine[] affine = [.. logs.Select(l => G1Affine.Generator.Multiply(l).ToAffine())];
        G1Affine[] points = new G1Affine[n];
        Fr[] pointLogs = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            bool infinity = i % 97 == 5;
            points[i] = infinity ? G1Affine.Infinity : affine[i % distinct];
            pointLogs[i] = logs[i % distinct];
        }

        return (pointLogs, points);
    }

    /// <summary>Every fifth point left out of the indices; digits skewed towards 0 and ±1, ±2 (crowded buckets).</summary>
    private static (int[] Indices, short[] Digits) Digits(Random random, int n, int windows, int c)
    {
        int[] indices = [.. Enumerable.Range(0, n).Where(i => i % 5 != 3)];
        short[] digits = new short[indices.Length * windows];
        int half = 1 << (c - 1);
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = (short)(random.Next(5) switch
            {
                0 => 0,
                1 => random.Next(-2, 3),
                _ => random.Next(-half, half),
            });
        }

        return (indices, digits);
    }

    private static Fr WindowExponent(Fr[] logs, bool[] infinity, int[] indices, short[] digits, int windows, int w)
    {
        Fr exponent = Fr.Zero;
        for (int k = 0; k < indices.Length; k++)
        {
            int d = digits[(k * windows) + w];
            if (d == 0 || infinity[indices[k]])
            {
                continue;
            }

            Fr magnitude = Fr.FromUInt64((ulong)Math.Abs(d));
            exponent += d > 0 ? magnitude * logs[indices[k]] : -(magnitude * logs[indices[k]]);
        }

        return exponent;
    }
}
