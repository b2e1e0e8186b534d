namespace TrustChain.Zk.Bn254;

/// <summary>The bucket method for G2 with signed digits; see <see cref="Msm"/>.</summary>
internal static class G2Pippenger
{
    public static G2Jacobian Run(G2Affine[] points, ulong[] limbs, int[] indices)
    {
        if (indices.Length == 0)
        {
            return G2Jacobian.Infinity;
        }

        int c = Msm.WindowBits(indices.Length);
        short[] digits = Msm.SignedDigits(limbs, indices, c, out int windows);
        G2Jacobian[] windowSums = new G2Jacobian[windows];
        Parallel.For(0, windows, w =>
        {
            G2Jacobian[] buckets = new G2Jacobian[1 << (c - 1)];
            Array.Fill(buckets, G2Jacobian.Infinity);
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
            G2Jacobian running = G2Jacobian.Infinity;
            G2Jacobian acc = G2Jacobian.Infinity;
            for (int d = buckets.Length - 1; d >= 0; d--)
            {
                running = running.Add(buckets[d]);
                acc = acc.Add(running);
            }

            windowSums[w] = acc;
        });

        G2Jacobian result = windowSums[windows - 1];
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
}
