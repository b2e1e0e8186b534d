namespace TrustChain.Zk.Bn254;

/// <summary>
/// One G2 MSM by the bucket method with signed digits (see <see cref="Msm"/>), split into independent tasks (groups of
/// windows) so that a caller can run the tasks of several MSMs in one flat parallel loop: nested parallel loops that
/// block on each other leave a core idle whenever the thread pool has no spare thread.
/// </summary>
internal sealed class G2Pippenger
{
    private const int MinBatchAffineWindowBits = 8;

    private const int WindowsPerGroup = 4;

    private readonly G2Affine[] _points;
    private readonly int[] _indices;
    private readonly G2Jacobian _offset;
    private readonly short[] _digits = [];
    private readonly G2Jacobian[] _windowSums = [];
    private readonly int _c;
    private readonly int _windows;
    private readonly bool _batchAffine;

    /// <param name="points">The bases (kept, not copied).</param>
    /// <param name="limbs">Canonical scalar limbs, four per base.</param>
    /// <param name="indices">The bases whose scalars go through the buckets.</param>
    /// <param name="offset">A sum the result starts from (the bases whose scalar is one).</param>
    public G2Pippenger(G2Affine[] points, ulong[] limbs, int[] indices, in G2Jacobian offset)
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
        _c = _batchAffine ? G2BucketTree.WindowBits(indices.Length) : Msm.WindowBits(indices.Length);
        _digits = Msm.SignedDigits(limbs, indices, _c, out _windows);
        _windowSums = new G2Jacobian[_windows];
        TaskCount = _batchAffine ? (_windows + WindowsPerGroup - 1) / WindowsPerGroup : _windows;
    }

    /// <summary>The number of independent tasks; each must run once (in any order, on any thread) before <see cref="Finish"/>.</summary>
    public int TaskCount { get; }

    public void RunTask(int task)
    {
        if (_batchAffine)
        {
            int first = task * WindowsPerGroup;
            G2BucketTree.SumWindows(_points, _indices, _digits, _windows, first, Math.Min(WindowsPerGroup, _windows - first), _c, _windowSums);
        }
        else
        {
            _windowSums[task] = WindowJacobian(task);
        }
    }

    /// <summary>Combines the window sums (Horner over 2^c) and adds the offset.</summary>
    public G2Jacobian Finish()
    {
        if (_windows == 0)
        {
            return _offset;
        }

        G2Jacobian result = _windowSums[_windows - 1];
        for (int w = _windows - 2; w >= 0; w--)
        {
            for (int k = 0; k < _c; k++)
            {
                result = result.Double();
            }

            result = result.Add(_windowSums[w]);
        }

        return _offset.Add(result);
    }

    private G2Jacobian WindowJacobian(int w)
    {
        G2Jacobian[] buckets = new G2Jacobian[1 << (_c - 1)];
        Array.Fill(buckets, G2Jacobian.Infinity);
        for (int k = 0; k < _indices.Length; k++)
        {
            int digit = _digits[k * _windows + w];
            if (digit > 0)
            {
                buckets[digit - 1] = buckets[digit - 1].AddMixed(_points[_indices[k]]);
            }
            else if (digit < 0)
            {
                buckets[-digit - 1] = buckets[-digit - 1].AddMixed(_points[_indices[k]].Negate());
            }
        }

        // Σ d·B_d as a running sum from the top bucket down.
        G2Jacobian running = G2Jacobian.Infinity;
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int d = buckets.Length - 1; d >= 0; d--)
        {
            running = running.Add(buckets[d]);
            acc = acc.Add(running);
        }

        return acc;
    }
}
