using System.Buffers;
using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// The bucket phase of Pippenger for a group of windows without collision bookkeeping: the points are first sorted
/// by bucket (a counting sort over the signed digits, negated for negative digits), then every bucket is summed as a
/// tree, one level per round. The additions of a round are all independent, so they are batched affine additions
/// (one inversion per <see cref="BatchSize"/>, Montgomery's trick) with no deferral, and the buckets of all windows in
/// the group share the batches.
/// </summary>
/// <remarks>
/// Adding points to buckets one at a time needs deferral bookkeeping (a bucket cannot take two additions in one batch),
/// which with few buckets dominates; sorted and summed as trees, the number of buckets only decides the cost of the
/// reduction, which runs as batched affine additions too (<see cref="ReduceWindows"/>).
/// </remarks>
internal static class BucketTree<TCurve, TAffine, TJacobian, TField>
    where TCurve : struct, ICurveGroup<TAffine, TJacobian, TField>
    where TAffine : unmanaged
    where TField : unmanaged
{
    private const int BatchSize = 1024;

    /// <summary>Running sums per window in the reduction: 16 keeps the batches of a 4-window group at 128 additions.</summary>
    private const int SegmentsPerWindow = 16;

    /// <summary>
    /// Window width that minimises the modelled cost per bit: a window takes n tree additions and, for each of its
    /// 2^(c−1) buckets, two reduction additions in smaller batches (≈ 2.8 tree additions); it covers c bits. Measured on
    /// the Semaphore prover (≈ 6,000 and 8,192 points): 10 bits, with 9 and 11 within the noise and 8 ≈ 10 % slower.
    /// The same width serves G2: over F_q2 both the batched affine addition and the reduction's work cost about three
    /// times their G1 counterparts, so the trade-off is unchanged.
    /// </summary>
    public static int WindowBits(int count)
    {
        int best = 4;
        long bestCost = long.MaxValue;
        for (int c = 4; c <= 16; c++)
        {
            long cost = (10L * count + 28L * (1L << (c - 1))) * 1000 / c;
            if (cost < bestCost)
            {
                bestCost = cost;
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// Writes Σ_b (b + 1)·bucket_b of windows [<paramref name="first"/>, first + <paramref name="count"/>) to
    /// <paramref name="windowSums"/> at the same indices.
    /// </summary>
    /// <param name="points">All bases; the ones at <paramref name="indices"/> are used.</param>
    /// <param name="digits">indices.Length × <paramref name="windows"/> signed digits in [−2^(c−1), 2^(c−1)).</param>
    /// <param name="native">Use the machine-code batch kernel when it is active (tests pass false for the managed path).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumWindows(
        TAffine[] points, int[] indices, short[] digits, int windows, int first, int count, int c, TJacobian[] windowSums, bool native = true)
    {
        int bucketsPerWindow = 1 << (c - 1);
        int bucketCount = bucketsPerWindow * count;
        int[] start = new int[bucketCount + 1];
        int[] length = new int[bucketCount];
        for (int k = 0; k < indices.Length; k++)
        {
            if (TCurve.IsInfinity(points[indices[k]]))
            {
                continue;
            }

            int row = k * windows + first;
            for (int w = 0; w < count; w++)
            {
                int d = digits[row + w];
                if (d != 0)
                {
                    length[w * bucketsPerWindow + Math.Abs(d) - 1]++;
                }
            }
        }

        for (int b = 0; b < bucketCount; b++)
        {
            start[b + 1] = start[b] + length[b];
        }

        int total = start[bucketCount];
        TAffine[] sorted = ArrayPool<TAffine>.Shared.Rent(Math.Max(1, total));
        try
        {
            int[] next = start[..bucketCount];
            for (int k = 0; k < indices.Length; k++)
            {
                ref readonly TAffine point = ref points[indices[k]];
                if (TCurve.IsInfinity(point))
                {
                    continue;
                }

                int row = k * windows + first;
                for (int w = 0; w < count; w++)
                {
                    int d = digits[row + w];
                    if (d > 0)
                    {
                        sorted[next[w * bucketsPerWindow + d - 1]++] = point;
                    }
                    else if (d < 0)
                    {
                        sorted[next[w * bucketsPerWindow - d - 1]++] = TCurve.Negate(point);
                    }
                }
            }

            Batch batch = new(sorted, native);
            batch.SumTrees(start, length);
            ReduceWindows(batch, sorted, start, length, count, bucketsPerWindow, first, windowSums);
        }
        finally
        {
            ArrayPool<TAffine>.Shared.Return(sorted);
        }
    }

    /// <summary>
    /// Σ_b (b + 1)·bucket_b for every window of the group. Each window's buckets are cut into K segments of L, and the
    /// K·count running sums (running += bucket, acc += running, from the top of each segment down) advance together,
    /// so each step is one batch of affine additions instead of two Jacobian additions per bucket. Segment s then
    /// contributes acc_s + s·L·T_s (T_s its bucket total): Σ_s s·T_s is one short Jacobian running sum over the segments.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReduceWindows(
        Batch batch, TAffine[] sorted, int[] start, int[] length, int count, int bucketsPerWindow, int first, TJacobian[] windowSums)
    {
        int segments = Math.Min(SegmentsPerWindow, bucketsPerWindow);
        int segmentLength = bucketsPerWindow / segments;
        int bucketCount = count * bucketsPerWindow;
        int chains = count * segments;
        // Bucket sums, then each chain's running sum, then each chain's accumulator.
        TAffine[] work = ArrayPool<TAffine>.Shared.Rent(bucketCount + 2 * chains);
        try
        {
            for (int b = 0; b < bucketCount; b++)
            {
                work[b] = length[b] > 0 ? sorted[start[b]] : TCurve.AffineInfinity;
            }

            Array.Fill(work, TCurve.AffineInfinity, bucketCount, 2 * chains);
            int running = bucketCount, acc = bucketCount + chains;
            batch.Points = work;
            // Step t adds running (before this step's bucket) to acc, so acc ends as Σ_{t ≥ 1} R_t, with R_t the sum of
            // the segment's buckets t and above; the final step adds R_0, giving Σ_t (t + 1)·bucket_t.
            for (int t = segmentLength - 1; t >= -1; t--)
            {
                for (int chain = 0; chain < chains; chain++)
                {
                    // acc first: the pair copies running's current value before running's own addition may change it.
                    batch.Pair(acc + chain, running + chain);
                    if (t >= 0)
                    {
                        batch.Pair(running + chain, (chain / segments * bucketsPerWindow) + (chain % segments * segmentLength) + t);
                    }
                }

                batch.Apply();
            }

            int shift = int.TrailingZeroCount(segmentLength);
            for (int w = 0; w < count; w++)
            {
                int chain0 = w * segments;
                TJacobian sum = TCurve.JacobianInfinity;
                TJacobian weighted = TCurve.JacobianInfinity;
                for (int s = segments - 1; s >= 1; s--)
                {
                    sum = TCurve.AddMixed(sum, work[running + chain0 + s]);
                    weighted = TCurve.Add(weighted, sum);
                }

                for (int k = 0; k < shift; k++)
                {
                    weighted = TCurve.Double(weighted);
                }

                for (int s = 0; s < segments; s++)
                {
                    weighted = TCurve.AddMixed(weighted, work[acc + chain0 + s]);
                }

                windowSums[first + w] = weighted;
            }
        }
        finally
        {
            ArrayPool<TAffine>.Shared.Return(work);
        }
    }

    /// <summary>One round's pending additions: Points[target[i]] += point[i].</summary>
    private sealed class Batch(TAffine[] points, bool native)
    {
        private readonly int[] _target = new int[BatchSize];
        private readonly TAffine[] _point = new TAffine[BatchSize];
        private readonly TField[] _denominator = new TField[BatchSize];
        private readonly TField[] _prefix = new TField[BatchSize];
        private readonly bool _native = native && TCurve.HasNativeBatchAdd;
        private int _count;

        /// <summary>The array that additions read and write; pending additions must be applied before it changes.</summary>
        public TAffine[] Points { get; set; } = points;

        /// <summary>
        /// Sums each bucket's points into its first slot: a round adds element 2j + 1 into element 2j (at the round's
        /// stride), so after ⌈log2 n⌉ rounds the bucket's sum is at its start. Lengths become 1 (or stay 0).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SumTrees(int[] start, int[] length)
        {
            bool more = true;
            for (int stride = 1; more; stride <<= 1)
            {
                more = false;
                for (int b = 0; b < length.Length; b++)
                {
                    int n = length[b];
                    if (n < 2)
                    {
                        continue;
                    }

                    int at = start[b];
                    for (int j = 0; j + 1 < n; j += 2)
                    {
                        int target = at + j * stride;
                        Pair(target, target + stride);
                    }

                    n = (n + 1) >> 1;
                    length[b] = n;
                    more |= n > 1;
                }

                // The next round reads this round's sums.
                Apply();
            }
        }

        /// <summary>Points[target] += Points[source], now or in the pending batch (source's value is taken now).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Pair(int target, int source)
        {
            ref TAffine q = ref Points[target];
            ref readonly TAffine p = ref Points[source];
            if (TCurve.IsInfinity(p))
            {
                return;
            }

            if (TCurve.IsInfinity(q))
            {
                q = p;
                return;
            }

            if (TCurve.SameX(q, p))
            {
                // Same x: P + P (only for repeated bases) or P + (−P) = infinity, which later rounds pass over.
                q = TCurve.SameY(q, p) ? TCurve.DoubleAffine(q) : TCurve.AffineInfinity;
                return;
            }

            _target[_count] = target;
            _point[_count] = p;
            _denominator[_count] = TCurve.XDifference(p, q);
            if (++_count == BatchSize)
            {
                Apply();
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void Apply()
        {
            int n = _count;
            _count = 0;
            if (n == 0)
            {
                return;
            }

            if (_native)
            {
                fixed (TAffine* buckets = Points, sources = _point)
                fixed (int* target = _target)
                fixed (TField* denominators = _denominator, prefix = _prefix)
                {
                    TCurve.BatchAddNative(buckets, target, sources, denominators, prefix, n);
                }

                return;
            }

            TField acc = TCurve.One;
            for (int i = 0; i < n; i++)
            {
                _prefix[i] = acc;
                acc = TCurve.Multiply(acc, _denominator[i]);
            }

            TField inv = TCurve.Inverse(acc);
            for (int i = n - 1; i >= 0; i--)
            {
                TField inverseDenominator = TCurve.Multiply(inv, _prefix[i]);
                inv = TCurve.Multiply(inv, _denominator[i]);

                ref TAffine q = ref Points[_target[i]];
                ref readonly TAffine p = ref _point[i];
                TField qx = TCurve.X(q), qy = TCurve.Y(q);
                TField lambda = TCurve.Multiply(TCurve.Subtract(TCurve.Y(p), qy), inverseDenominator);
                TField x3 = TCurve.Subtract(TCurve.Subtract(TCurve.Square(lambda), qx), TCurve.X(p));
                TField y3 = TCurve.Subtract(TCurve.Multiply(lambda, TCurve.Subtract(qx, x3)), qy);
                q = TCurve.FromCoordinates(x3, y3);
            }
        }
    }
}
