using System.Runtime.InteropServices;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Pippenger buckets for G1 kept in affine form and filled with batched affine additions: the slopes of up to
/// <see cref="BatchSize"/> independent additions share one field inversion (Montgomery's trick), so an addition
/// costs about six multiplications instead of the eleven of a mixed Jacobian addition.
/// </summary>
/// <remarks>
/// An addition whose bucket already has one pending in the current batch waits for the next batch (both would need
/// the bucket's new value). Equal x-coordinates are the rare doubling (same point twice) or cancellation (P − P) and
/// are handled on the spot. Not thread-safe: one instance per window.
/// </remarks>
internal sealed class G1BatchAffineBuckets
{
    private const int BatchSize = 256;

    private readonly G1Affine[] _buckets;
    private readonly int[] _stamp;
    private readonly int[] _batchBucket = new int[BatchSize];
    private readonly G1Affine[] _batchPoint = new G1Affine[BatchSize];
    private readonly Fq[] _denominator = new Fq[BatchSize];
    private readonly Fq[] _prefix = new Fq[BatchSize];
    private List<(int Bucket, G1Affine Point)> _deferred = [];
    private List<(int Bucket, G1Affine Point)> _retry = [];
    private bool _retrying;
    private int _batchCount;
    private int _batchId = 1;

    private readonly bool _native;

    /// <param name="bucketCount">The number of buckets.</param>
    /// <param name="native">Use <see cref="AdxMontgomery"/>'s batch kernel when it is active (tests pass false to
    /// exercise the managed path on machines where it is).</param>
    public G1BatchAffineBuckets(int bucketCount, bool native = true)
    {
        _buckets = new G1Affine[bucketCount];
        _stamp = new int[bucketCount];
        _native = native && AdxMontgomery.IsActive;
    }

    /// <summary>Adds a point (not infinity) to a bucket.</summary>
    public void Add(int bucket, in G1Affine point)
    {
        ref G1Affine current = ref _buckets[bucket];
        if (current.IsInfinity)
        {
            current = point;
            return;
        }

        if (_stamp[bucket] == _batchId)
        {
            _deferred.Add((bucket, point));
            return;
        }

        if (current.X == point.X)
        {
            // Same x: P + P (a doubling, only for repeated bases) or P + (−P) = infinity.
            current = current.Y == point.Y ? current.ToJacobian().Double().ToAffine() : G1Affine.Infinity;
            return;
        }

        _stamp[bucket] = _batchId;
        _batchBucket[_batchCount] = bucket;
        _batchPoint[_batchCount] = point;
        _denominator[_batchCount] = point.X - current.X;
        if (++_batchCount == BatchSize)
        {
            ApplyBatch();
            RetryDeferred();
        }
    }

    /// <summary>
    /// Right after a batch, the additions it deferred start the next one: waiting until <see cref="Finish"/> would leave
    /// a long tail of small batches (each paying a whole inversion) and a long list copied once per batch.
    /// </summary>
    private void RetryDeferred()
    {
        if (_retrying || _deferred.Count == 0)
        {
            return;
        }

        // Additions deferred again while retrying (the next batch filled up or met the same bucket) wait in the other list.
        _retrying = true;
        (_retry, _deferred) = (_deferred, _retry);
        foreach (ref readonly (int Bucket, G1Affine Point) entry in CollectionsMarshal.AsSpan(_retry))
        {
            Add(entry.Bucket, entry.Point);
        }

        _retry.Clear();
        _retrying = false;
    }

    /// <summary>Completes every pending addition and returns Σ (i + 1)·bucket_i.</summary>
    public G1Jacobian Finish()
    {
        Flush();
        G1Jacobian running = G1Jacobian.Infinity;
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int d = _buckets.Length - 1; d >= 0; d--)
        {
            running = running.AddMixed(_buckets[d]);
            acc = acc.Add(running);
        }

        return acc;
    }

    private void Flush()
    {
        while (_batchCount > 0 || _deferred.Count > 0)
        {
            if (_batchCount > 0)
            {
                ApplyBatch();
            }

            // Deferred additions become the next batch; some may collide again and wait once more.
            _retry.Clear();
            _retry.AddRange(_deferred);
            _deferred.Clear();
            foreach ((int bucket, G1Affine point) in _retry)
            {
                Add(bucket, point);
            }
        }
    }

    private unsafe void ApplyBatch()
    {
        int n = _batchCount;
        if (_native)
        {
            fixed (G1Affine* buckets = _buckets, points = _batchPoint)
            fixed (int* bucket = _batchBucket)
            fixed (Fq* denominators = _denominator, prefix = _prefix)
            {
                AdxMontgomery.G1BatchAdd(buckets, bucket, points, denominators, prefix, n);
            }

            _batchCount = 0;
            _batchId++;
            return;
        }

        Fq acc = Fq.One;
        for (int i = 0; i < n; i++)
        {
            _prefix[i] = acc;
            acc *= _denominator[i];
        }

        Fq inv = acc.Inverse();
        for (int i = n - 1; i >= 0; i--)
        {
            Fq inverseDenominator = inv * _prefix[i];
            inv *= _denominator[i];

            ref G1Affine q = ref _buckets[_batchBucket[i]];
            ref readonly G1Affine p = ref _batchPoint[i];
            Fq lambda = (p.Y - q.Y) * inverseDenominator;
            Fq x3 = lambda.Square() - q.X - p.X;
            Fq y3 = lambda * (q.X - x3) - q.Y;
            q = new G1Affine(x3, y3);
        }

        _batchCount = 0;
        _batchId++;
    }
}
