using System.Diagnostics;

namespace TrustChain.Bench.Load;

/// <summary>Per-worker request latencies in Stopwatch ticks; merged and sorted once, after the run.</summary>
public sealed class LatencyRecorder
{
    private long[] _ticks = new long[4096];

    public int Count { get; private set; }

    public void Add(long ticks)
    {
        if (Count == _ticks.Length)
        {
            Array.Resize(ref _ticks, _ticks.Length * 2);
        }

        _ticks[Count++] = ticks;
    }

    /// <summary>Percentiles (0..100) in milliseconds over all recorders, nearest-rank.</summary>
    public static double[] PercentilesMs(IReadOnlyList<LatencyRecorder> recorders, params double[] percentiles)
    {
        int total = 0;
        foreach (LatencyRecorder r in recorders)
        {
            total += r.Count;
        }

        double[] result = new double[percentiles.Length];
        if (total == 0)
        {
            return result;
        }

        long[] all = new long[total];
        int offset = 0;
        foreach (LatencyRecorder r in recorders)
        {
            Array.Copy(r._ticks, 0, all, offset, r.Count);
            offset += r.Count;
        }

        Array.Sort(all);
        for (int i = 0; i < percentiles.Length; i++)
        {
            int rank = (int)Math.Ceiling(percentiles[i] / 100.0 * total) - 1;
            result[i] = all[Math.Clamp(rank, 0, total - 1)] * 1000.0 / Stopwatch.Frequency;
        }

        return result;
    }
}
