using System.Globalization;
using TrustChain.Bench.InProcess;

namespace TrustChain.Bench.Registries;

/// <summary>
/// Prints one registry measurement: wall-clock rates (execution + commit, each alone), the rate per process CPU-second
/// and the 1-minute load average, because on the shared 2-core machine the wall clock mostly measures waiting for a core.
/// </summary>
public static class RegistryBenchReport
{
    public static void Print(string bench, string name, string unit, int items, BlockTimings t, string shape)
    {
        ArgumentNullException.ThrowIfNull(t);
        double total = BlockTimings.Rate(items, t.Total);
        double execution = BlockTimings.Rate(items, t.Execution);
        double commit = BlockTimings.Rate(items, t.Commit);
        double perCpu = BlockTimings.Rate(items, t.ProcessCpu);
        string load = LoadAverage();
        Console.WriteLine($"inprocess {bench} {name}: {items} {unit} in {t.Blocks} blocks ({shape}), load average {load}");
        Console.WriteLine($"  execution + commit {t.Total.TotalMilliseconds:0} ms = {total:0} {unit}/s");
        Console.WriteLine($"  execution (build, roots) {t.Execution.TotalMilliseconds:0} ms = {execution:0} {unit}/s");
        Console.WriteLine($"  commit (state + block write) {t.Commit.TotalMilliseconds:0} ms = {commit:0} {unit}/s");
        Console.WriteLine($"  process CPU time {t.ProcessCpu.TotalMilliseconds:0} ms = {perCpu:0} {unit} per CPU-second");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {bench}_{name} items={items} blocks={t.Blocks} total_per_s={total:0} exec_per_s={execution:0} commit_per_s={commit:0} " +
            $"per_cpu_s={perCpu:0} exec_ms={t.Execution.TotalMilliseconds:0} commit_ms={t.Commit.TotalMilliseconds:0} " +
            $"cpu_ms={t.ProcessCpu.TotalMilliseconds:0} load={load}"));
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "unknown";
    }
}
