using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TrustChain.Bench.Zk;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a machine shared with other builds the wall clock
/// also counts the time the thread waited for a core; single-threaded kernels are timed with this clock instead, and
/// fall back to the wall clock elsewhere.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsThreadTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Nanoseconds on this thread's CPU clock (or the wall clock when that is unavailable).</summary>
    public static long NowNs()
    {
        if (IsThreadTime && TryRead(out long ns))
        {
            return ns;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool TryRead(out long ns)
    {
        ns = 0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec ts) != 0)
            {
                return false;
            }

            ns = ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
