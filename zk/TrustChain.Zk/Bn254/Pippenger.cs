namespace TrustChain.Zk.Bn254;

/// <summary>
/// One MSM by the bucket method with signed digits (see <see cref="Msm"/>), split into independent tasks (groups of
/// windows) so that a caller can run the tasks of several MSMs in one flat parallel loop: nested parallel loops that
/// block on each other leave a core idle whenever the thread pool has no spare thread.
/// </summary>
internal sealed class Pippenger<TCurve, TAffine, TJacobian, TField>
    where TCurve : struct, ICurveGroup<TAffine, TJacobian, TField>
    where TAffine : unmanaged
    where TField : unmanaged
{
    private const int MinBatchAffineWindowBits = 8;

    private const int WindowsPerGroup = 4;

    private readonly TAffine[] _points;
    private readonly int[] _indices;
    private readonly TJacobian _offset;
    private readonly short[] _digits = [];
    private readonly TJacobian[] _windowSums = [];
    private readonly int _c;
    private readonly int _windows;
    private readonly bool _batchAffine;

    /// <param name="points">The bases (kept, not copied).</param>
    /// <param name="limbs">Canonical scalar limbs, four per base.</param>
    /// <param name="indices">The bases whose scalars go through the buckets.</param>
    /// <param name="offset">A sum the result starts from (the bases whose scalar is one).</param>
    public Pippenger(TAffine[] points, ulong[] limbs, int[] indices, in TJacobian offset)
    {
        _points = points;
        _indices = indices;
        _offset = offset;
        if (indices.Length == 0)
        {
            return;
        }

        // Batched affine buckets pay one inversion per batch, which only pays off with enough points to fill batches.
        _batchAffine = Msm.WindowBits(indices.Length) >= MinBatchAffineWindowBits;
        _c = _batchAffine ? BucketTree<TCurve, TAffine, TJacobian, TField>.WindowBits(indices.Length) : Msm.WindowBits(indices.Length);
        _digits = Msm.SignedDigits(limbs, indices, _c, out _windows);
        _windowSums = new TJacobian[_windows];
        TaskCount = _batchAffine ? (_windows + WindowsPerGroup - 1) / WindowsPerGroup : _windows;
    }

    /// <summary>The number of independent tasks; each must run once (in any order, on any thread) before <see cref="Finish"/>.</summary>
    public int TaskCount { get; }

    public void RunTask(int task)
    {
        if (_batchAffine)
        {
            int first = task * WindowsPerGroup;
            BucketTree<TCurve, TAffine, TJacobian, TField>.SumWindows(_points, _indices, _digits, _windows, first, Math.Min(WindowsPerGroup, _windows - first), _c, _windowSums);
        }
        else
        {
            _windowSums[task] = WindowJacobian(task);
        }
    }

    /// <summary>Combines the window sums (Horner over 2^c) and adds the offset.</summary>
    public TJacobian Finish()
    {
        if (_windows == 0)
        {
            return _offset;
        }

        TJacobian result = _windowSums[_windows - 1];
        for (int w = _windows - 2; w >= 0; w--)
        {
            for (int k = 0; k < _c; k++)
            {
                result = TCurve.Double(result);
            }

            result = TCurve.Add(result, _windowSums[w]);
        }

        return TCurve.Add(_offset, result);
    }

    private TJacobian WindowJacobian(int w)
    {
        TJacobian[] buckets = new TJacobian[1 << (_c - 1)];
        Array.Fill(buckets, TCurve.JacobianInfinity);
        for (int k = 0; k < _indices.Length; k++)
        {
            int digit = _digits[k * _windows + w];
            if (digit > 0)
            {
                buckets[digit - 1] = TCurve.AddMixed(buckets[digit - 1], _points[_indices[k]]);
            }
            else if (digit < 0)
            {
                buckets[-digit - 1] = TCurve.AddMixed(buckets[-digit - 1], TCurve.Negate(_points[_indices[k]]));
            }
        }

        // Σ d·B_d as a running sum from the top bucket down.
        TJacobian running = TCurve.JacobianInfinity;
        TJacobian acc = TCurve.JacobianInfinity;
        for (int d = buckets.Length - 1; d >= 0; d--)
        {
            running = TCurve.Add(running, buckets[d]);
            acc = TCurve.Add(acc, running);
        }

        return acc;
    }
}
