using System.Diagnostics;
using System.Globalization;
using TrustChain.Bench.Cli;
using TrustChain.Bench.InProcess;
using TrustChain.Core.Transactions;

namespace TrustChain.Bench.Registries;

/// <summary>
/// <c>inprocess human</c>: committed HumanRegistry.enroll throughput on chains whose set is pre-loaded (by
/// <see cref="HumanBulkLoader"/>) to 10^4, 10^5, … up to <c>--members</c>, each enrolment with its own random tags, and
/// again with the minimum dedupMatch tags to separate the tree cost from the dedup-tag cost; then verifyHuman proofs/s
/// (<see cref="HumanVerifyBench"/>) on the largest chain. Prints a growth table with wall and CPU figures.
/// </summary>
public static class HumanBenchCommand
{
    private const int MinimumTags = 4;
    private const int WarmUpBlocks = 4;

    public static int Run(CommandArgs args)
    {
        int members = args.GetInt("members", 1_000_000, 0, 10_000_000);
        int enrolments = args.GetInt("enrolments", 2_000, 1, 100_000);
        int tags = args.GetInt("tags", 224, MinimumTags, 256);
        int perBlock = args.GetInt("per-block", 500, 1, 10_000);
        int proofs = args.GetInt("proofs", 300, 0, 5_000);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        int smallest = args.GetInt("from-members", 10_000, 0, 10_000_000);
        args.EnsureAllUsed();

        List<int> scales = [];
        for (int n = smallest; n < members; n = Math.Max(n * 10, 1))
        {
            scales.Add(n);
        }

        scales.Add(members);
        List<string> rows = [];
        for (int s = 0; s < scales.Count; s++)
        {
            bool last = s == scales.Count - 1;
            Console.WriteLine($"inprocess human: loading {scales[s]} members");
            Stopwatch load = Stopwatch.StartNew();
            TimeSpan loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
            using HumanChain chain = new(scales[s], seed + s, last && proofs > 0 ? HumanVerifyBench.Keys() : null);
            Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:0.0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - loadCpu).TotalSeconds:0.0} CPU-s");
            Console.WriteLine($"  flushed and compactions settled in {chain.Settle().TotalSeconds:0.0} s; SST {chain.SstBytes() / 1e6:0.0} MB");

            // The load leaves gigabytes of dead genesis overlay behind; collected here, not in a timed block's gen-2 GC.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            // Warm-up so the measured blocks run tier-1 code and warm caches alike at every scale: per-block methods
            // (execute, root, commit) are called once a block, so a few blocks are needed before tiering settles.
            chain.Run(chain.SignEnrolments(Math.Min(WarmUpBlocks * perBlock, enrolments), tags), perBlock);
            BlockTimings tagged = RunCounted(chain, chain.SignEnrolments(enrolments, tags), perBlock);
            BlockTimings bare = RunCounted(chain, chain.SignEnrolments(enrolments, MinimumTags), perBlock);
            long sst = chain.SstBytes();
            long total = chain.TotalBytes();
            RegistryBenchReport.Print("human", $"enroll_{scales[s]}_tags{tags}", "enrolments", enrolments, tagged, $"{tags} random tags each, {perBlock} per block");
            RegistryBenchReport.Print("human", $"enroll_{scales[s]}_tags{MinimumTags}", "enrolments", enrolments, bare, $"{MinimumTags} random tags each, {perBlock} per block");
            rows.Add(Row(scales[s], sst, total, enrolments, tagged, bare));
            if (last && proofs > 0)
            {
                HumanVerifyBench.Run(chain, proofs);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| members | RocksDB SST (all files) | {tags} tags: ms/enrolment | {tags} tags: enrolments/s | {tags} tags: CPU-ms/enrolment | {MinimumTags} tags: ms/enrolment | {MinimumTags} tags: enrolments/s | {MinimumTags} tags: CPU-ms/enrolment |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (string row in rows)
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    /// <summary>Runs the blocks and prints the managed allocations and GCs they caused (GC work is a large part of the CPU).</summary>
    private static BlockTimings RunCounted(HumanChain chain, Transaction[] txs, int perBlock)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0);
        int gen1 = GC.CollectionCount(1);
        int gen2 = GC.CollectionCount(2);
        TimeSpan paused = GC.GetTotalPauseDuration();
        BlockTimings timings = chain.Run(txs, perBlock);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  managed allocations {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / txs.Length:0.0} KB per enrolment; GCs gen0/1/2 " +
            $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms"));
        return timings;
    }

    private static string Row(int members, long sst, long total, int enrolments, BlockTimings tagged, BlockTimings bare) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {members:N0} | {sst / 1e6:0.0} MB ({total / 1e6:0.0} MB with WAL) | {tagged.Total.TotalMilliseconds / enrolments:0.000} | {BlockTimings.Rate(enrolments, tagged.Total):0} | " +
            $"{tagged.ProcessCpu.TotalMilliseconds / enrolments:0.000} | {bare.Total.TotalMilliseconds / enrolments:0.000} | " +
            $"{BlockTimings.Rate(enrolments, bare.Total):0} | {bare.ProcessCpu.TotalMilliseconds / enrolments:0.000} |");
}
