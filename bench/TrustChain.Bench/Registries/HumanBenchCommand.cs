using System.Diagnostics;
using System.Globalization;
using TrustChain.Bench.Cli;
using TrustChain.Bench.InProcess;

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

            // Warm-up so the measured blocks run JIT-compiled code and warm caches alike at every scale.
            chain.Run(chain.SignEnrolments(Math.Min(100, enrolments), tags), perBlock);
            BlockTimings tagged = chain.Run(chain.SignEnrolments(enrolments, tags), perBlock);
            BlockTimings bare = chain.Run(chain.SignEnrolments(enrolments, MinimumTags), perBlock);
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

    private static string Row(int members, long sst, long total, int enrolments, BlockTimings tagged, BlockTimings bare) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {members:N0} | {sst / 1e6:0.0} MB ({total / 1e6:0.0} MB with WAL) | {tagged.Total.TotalMilliseconds / enrolments:0.000} | {BlockTimings.Rate(enrolments, tagged.Total):0} | " +
            $"{tagged.ProcessCpu.TotalMilliseconds / enrolments:0.000} | {bare.Total.TotalMilliseconds / enrolments:0.000} | " +
            $"{BlockTimings.Rate(enrolments, bare.Total):0} | {bare.ProcessCpu.TotalMilliseconds / enrolments:0.000} |");
}
