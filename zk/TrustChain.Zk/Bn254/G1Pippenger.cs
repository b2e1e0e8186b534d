namespace TrustChain.Zk.Bn254;

/// <summary>The bucket method for G1 with signed digits; see <see cref="Msm"/>.</summary>
internal static class G1Pippenger
{
    public static G1Jacobian Run(G1Affine[] points, ulong[] limbs, int[] indices)
    {
        if (indices.Length == 0)
        {
            return G1Jacobian.Infinity;
        }

        int c = Msm.WindowBits(indices.Length);
        short[] digits = Msm.SignedDigits(limbs, indices, c, out int windows);
        G1Jacobian[] windowSums = new G1Jacobian[windows];
        // Batched affine buckets pay one inversion per batch, which only pays off with enough buckets to fill batches.
        bool batchAffine = c >= MinBatchAffineWindowBits;
        Parallel.For(0, windows, w => windowSums[w] = batchAffine
            ? WindowBatchAffine(points, indices, digits, windows, w, c)
            : WindowJacobian(points, indices, digits, windows, w, c));

        G1Jacobian result = windowSums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int k = 0; k < c; k++)
            {
                result = result.Double();
            }

            result = result.Add(windowSums[w]);
        }

        return result;
    }

    private const int MinBatchAffineWindowBits = 8;

    private static G1Jacobian WindowBatchAffine(G1Affine[] points, int[] indices, short[] digits, int windows, int w, int c)
    {
        G1BatchAffineBuckets buckets = new(1 << (c - 1));
        for (int k = 0; k < indices.Length; k++)
        {
            int digit = digits[k * windows + w];
            G1Affine point = points[indices[k]];
            if (digit == 0 || point.IsInfinity)
            {
                continue;
            }

            if (digit > 0)
            {
                buckets.Add(digit - 1, point);
            }
            else
            {
                buckets.Add(-digit - 1, point.Negate());
            }
        }

        return buckets.Finish();
    }

    private static G1Jacobian WindowJacobian(G1Affine[] points, int[] indices, short[] digits, int windows, int w, int c)
    {
        G1Jacobian[] buckets = new G1Jacobian[1 << (c - 1)];
        Array.Fill(buckets, G1Jacobian.Infinity);
        for (int k = 0; k < indices.Length; k++)
        {
            int digit = digits[k * windows + w];
            if (digit > 0)
            {
                buckets[digit - 1] = buckets[digit - 1].AddMixed(points[indices[k]]);
            }
            else if (digit < 0)
            {
                buckets[-digit - 1] = buckets[-digit - 1].AddMixed(points[indices[k]].Negate());
            }
        }

        // Σ d·B_d as a running sum from the top bucket down.
        G1Jacobian running = G1Jacobian.Infinity;
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int d = buckets.Length - 1; d >= 0; d--)
        {
            running = running.Add(buckets[d]);
            acc = acc.Add(running);
        }

        return acc;
    }
}
