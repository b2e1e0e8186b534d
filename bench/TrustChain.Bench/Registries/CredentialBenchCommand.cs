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

        RegistryBenchReport.Print("credentials", "issueMany", "credentials", credentials, issued, $"{batch} per call, {batchesPerBlock} calls per block");
        RegistryBenchReport.Print("credentials", "verifyCredential", "verifications", verifications, verified, $"one per transaction from {verifiers} senders");
    }
}
