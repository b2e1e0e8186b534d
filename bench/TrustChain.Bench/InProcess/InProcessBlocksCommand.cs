using System.Globalization;
using TrustChain.Bench.Cli;

namespace TrustChain.Bench.InProcess;

/// <summary>
/// <c>inprocess blocks</c>: execution + commit throughput of plain transfers through <see cref="Chain.Blocks.Blockchain"/>,
/// with no RPC and no pool. A warm-up chain runs first so the measured run sees tier-1 JIT-compiled code.
/// </summary>
public static class InProcessBlocksCommand
{
    private static readonly TimeSpan WarmupSettle = TimeSpan.FromMilliseconds(500);

    public static int Run(CommandArgs args)
    {
        int txs = args.GetInt("txs", 10_000, 1, 1_000_000);
        int senders = args.GetInt("senders", 1000, 1, 100_000);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        args.EnsureAllUsed();

        // Tiered compilation instruments hot methods first and recompiles them on a background thread; a warm-up as big
        // as the run (capped) and a pause let that finish, so process CPU time measures the steady state, not the JIT.
        using (TransferChain warmup = new(Math.Min(txs, 10_000), Math.Min(senders, 300), seed + 1))
        {
            warmup.Run();
        }

        GC.Collect();
        Thread.Sleep(WarmupSettle);

        using TransferChain chain = new(txs, senders, seed);
        BlockTimings t = chain.Run();
        double total = BlockTimings.Rate(t.Transfers, t.Total);
        double execution = BlockTimings.Rate(t.Transfers, t.Execution);
        double commit = BlockTimings.Rate(t.Transfers, t.Commit);
        Console.WriteLine($"inprocess blocks: {t.Transfers} transfers from {senders} senders to fresh addresses in {t.Blocks} blocks " +
            $"(up to {chain.BlockCapacity} per block)");
        Console.WriteLine($"  execution + commit {t.Total.TotalMilliseconds:0} ms = {total:0} transfers/s");
        Console.WriteLine($"  execution (build, roots) {t.Execution.TotalMilliseconds:0} ms = {execution:0} transfers/s");
        Console.WriteLine($"  commit (state + block write) {t.Commit.TotalMilliseconds:0} ms = {commit:0} transfers/s");
        double perCpu = BlockTimings.Rate(t.Transfers, t.ProcessCpu);
        Console.WriteLine($"  process CPU time {t.ProcessCpu.TotalMilliseconds:0} ms = {perCpu:0} transfers per CPU-second " +
            $"(load average {LoadAverage()} on {Environment.ProcessorCount} cores)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT inprocess transfers={t.Transfers} blocks={t.Blocks} total_tps={total:0} exec_tps={execution:0} commit_tps={commit:0} " +
            $"exec_ms={t.Execution.TotalMilliseconds:0} commit_ms={t.Commit.TotalMilliseconds:0} cpu_ms={t.ProcessCpu.TotalMilliseconds:0} " +
            $"per_cpu_s={perCpu:0}"));
        return 0;
    }

    // The machine is shared: the 1-minute load average says how much of a core the wall-clock figures really had.
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "unknown";
    }
}
