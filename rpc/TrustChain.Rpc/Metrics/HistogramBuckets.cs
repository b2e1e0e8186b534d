namespace TrustChain.Rpc.Metrics;

/// <summary>Bucket upper bounds (seconds) used by the node's histograms, and their validation.</summary>
public static class HistogramBuckets
{
    /// <summary>100 µs .. 10 s, for RPC calls.</summary>
    public static IReadOnlyList<double> RpcLatency { get; } =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>1 ms .. 30 s, for block execution and commit.</summary>
    public static IReadOnlyList<double> BlockProcessing { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    internal static double[] Validate(IReadOnlyList<double> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one bucket bound", nameof(bounds));
        }

        double[] copy = [.. bounds];
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]) || (i > 0 && copy[i] <= copy[i - 1]))
            {
                throw new ArgumentException("histogram bucket bounds must be finite and strictly increasing", nameof(bounds));
            }
        }

        return copy;
    }

    internal static string[] Labels(double[] bounds)
    {
        var labels = new string[bounds.Length];
        for (int i = 0; i < bounds.Length; i++)
        {
            labels[i] = PrometheusTextWriter.FormatDouble(bounds[i]);
        }

        return labels;
    }
}
