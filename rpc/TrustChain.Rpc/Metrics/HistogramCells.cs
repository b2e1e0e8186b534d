namespace TrustChain.Rpc.Metrics;

/// <summary>The counters of one histogram series: per-bucket counts (non-cumulative), total count and sum.</summary>
internal sealed class HistogramCells
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _count;
    private double _sum;

    public HistogramCells(double[] bounds)
    {
        _bounds = bounds;
        _counts = new long[bounds.Length];
    }

    public long Count => Interlocked.Read(ref _count);

    public double Sum => Volatile.Read(ref _sum);

    public void Observe(double value)
    {
        // Bucket lists are short (≤ ~20), a linear scan beats a binary search here.
        for (int i = 0; i < _bounds.Length; i++)
        {
            if (value <= _bounds[i])
            {
                Interlocked.Increment(ref _counts[i]);
                break;
            }
        }

        Interlocked.Increment(ref _count);
        double current = Volatile.Read(ref _sum);
        while (true)
        {
            double seen = Interlocked.CompareExchange(ref _sum, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Write(PrometheusTextWriter writer, string name, string? labelName, string? labelValue, string[] boundLabels)
    {
        long cumulative = 0;
        for (int i = 0; i < _bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            writer.WriteSample(name, "_bucket", labelName, labelValue, boundLabels[i], cumulative);
        }

        // +Inf is the total count, so observations above the last bound still show up in it.
        long count = Count;
        writer.WriteSample(name, "_bucket", labelName, labelValue, "+Inf", Math.Max(count, cumulative));
        writer.WriteSample(name, "_sum", labelName, labelValue, null, Sum);
        writer.WriteSample(name, "_count", labelName, labelValue, null, Math.Max(count, cumulative));
    }
}
