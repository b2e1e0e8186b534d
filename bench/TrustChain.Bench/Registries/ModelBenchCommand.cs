using TrustChain.Bench.Cli;
using TrustChain.Bench.InProcess;

namespace TrustChain.Bench.Registries;

/// <summary>
/// <c>inprocess models</c>: committed throughput of ModelRegistry.settle (settlements/s, one host transaction each,
/// every one checking a user's EIP-712 receipt and paying two owners, the host and the validator pool) through
/// <see cref="Chain.Blocks.Blockchain"/>, after a smaller warm-up run so the measured run sees JIT-compiled code.
/// </summary>
public static class ModelBenchCommand
{
    public static int Run(CommandArgs args)
    {
        int users = args.GetInt("users", 5_000, 1, 100_000);
        int rounds = args.GetInt("rounds", 2, 1, 100);
        int perBlock = args.GetInt("per-block", 5_000, 1, 10_000);
        int seed = args.GetInt("seed", 1, 0, int.MaxValue);
        args.EnsureAllUsed();

        Measure(Math.Min(users, 500), 1, perBlock, seed + 1, print: false);
        Measure(users, rounds, perBlock, seed, print: true);
        return 0;
    }

    private static void Measure(int users, int rounds, int perBlock, int seed, bool print)
    {
        using ModelChain chain = new(users, (ulong)rounds * 10, seed);
        BlockTimings settled = chain.Run(chain.SignSettlements(rounds, 10), perBlock);
        if (!print)
        {
            return;
        }

        RegistryBenchReport.Print("models", "settle", "settlements", users * rounds, settled, $"{users} users x {rounds} rounds, up to {perBlock} per block");
    }
}
