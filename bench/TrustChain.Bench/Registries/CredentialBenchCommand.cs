using System.Globalization;
using TrustChain.Bench.Cli;
using TrustChain.Bench.InProcess;
using TrustChain.Core;

namespace TrustChain.Bench.Registries;

/// <summary>
/// <c>inprocess credentials</c>: committed throughput of CredentialRegistry.issueMany (credentials/s) and of
/// verifyCredential (verifications/s, one transaction each) through <see cref="Chain.Blocks.Blockchain"/>, after a
/// smaller warm-up run so the measured run sees JIT-compiled code.
/// </summary>
public static class CredentialBenchCommand
{
    public static int Run(CommandArgs args)
    {
        int credentials = args.GetInt("credentials", 20_000, 1, 1_000_000);
        int batch = args.GetInt("batch", 500, 1, 500);
        int batchesPerBlock = args.GetInt("batches-per-block", 20, 1, 250);
        int verifications = args.GetInt("verifications", 10_000, 1, 100_000);
        int verifiers = args.GetInt("verifiers", 1_000, 1, 100_000);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        args.EnsureAllUsed();

        Measure(Math.Min(credentials, 2_000), batch, batchesPerBlock, Math.Min(verifications, 1_000), Math.Min(verifiers, 200), seed + 1, print: false);
        Measure(credentials, batch, batchesPerBlock, verifications, verifiers, seed, print: true);
        return 0;
    }

    private static void Measure(int credentials, int batch, int batchesPerBlock, int verifications, int verifiers, int seed, bool print)
    {
        using CredentialChain chain = new(verifiers, seed);
        BlockTimings issued = chain.Run(chain.SignIssues(credentials, batch), batchesPerBlock);
        IReadOnlyList<Hash256> uids = chain.Registry.ListByIssuer(chain.Chain.HeadState, chain.Issuer, 0, (ulong)Math.Min(credentials, verifications));
        List<Hash256> targets = new(verifications);
        for (int i = 0; i < verifications; i++)
        {
            targets.Add(uids[i % uids.Count]);
        }

        BlockTimings verified = chain.Run(chain.SignVerifications(targets), chain.Chain.Spec.Parameters.MaxBlockTransactions);
        if (!print)
        {
            return;
        }

        Report("issueMany", "credentials", credentials, issued, $"{batch} per call, {batchesPerBlock} calls per block");
        Report("verifyCredential", "verifications", verifications, verified, $"one per transaction from {verifiers} senders");
    }

    private static void Report(string name, string unit, int items, BlockTimings t, string shape)
    {
        double total = BlockTimings.Rate(items, t.Total);
        double execution = BlockTimings.Rate(items, t.Execution);
        double commit = BlockTimings.Rate(items, t.Commit);
        double perCpu = BlockTimings.Rate(items, t.ProcessCpu);
        Console.WriteLine($"inprocess credentials {name}: {items} {unit} in {t.Blocks} blocks ({shape})");
        Console.WriteLine($"  execution + commit {t.Total.TotalMilliseconds:0} ms = {total:0} {unit}/s");
        Console.WriteLine($"  execution (build, roots) {t.Execution.TotalMilliseconds:0} ms = {execution:0} {unit}/s");
        Console.WriteLine($"  commit (state + block write) {t.Commit.TotalMilliseconds:0} ms = {commit:0} {unit}/s");
        Console.WriteLine($"  process CPU time {t.ProcessCpu.TotalMilliseconds:0} ms = {perCpu:0} {unit} per CPU-second");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT credentials_{name} items={items} blocks={t.Blocks} total_per_s={total:0} exec_per_s={execution:0} commit_per_s={commit:0} " +
            $"exec_ms={t.Execution.TotalMilliseconds:0} commit_ms={t.Commit.TotalMilliseconds:0} cpu_ms={t.ProcessCpu.TotalMilliseconds:0}"));
    }
}
