using TrustChain.Bench.Cli;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Hosting;

namespace TrustChain.Bench.Sync;

/// <summary>
/// <c>testnet chain --net DIR --blocks N [--txs-per-block 10] [--node node0] [--copy-to node1,node2,node3]</c>: extends
/// node0's chain of a (stopped) <c>trustchain testnet init</c> network to N blocks committed by all its validators, and
/// optionally copies the database to other nodes of the network, so a fresh follower has a long chain to sync.
/// </summary>
public static class TestnetChainCommand
{
    public static int Run(CommandArgs args)
    {
        string net = args.GetOptionalString("net") ?? throw new BenchUsageException("--net DIR (a testnet init output) is required");
        int blocks = args.GetInt("blocks", 10_000, 1, 10_000_000);
        int txsPerBlock = args.GetInt("txs-per-block", 10, 0, 1_000);
        string node = args.GetString("node", "node0");
        string? copyTo = args.GetOptionalString("copy-to");
        args.EnsureAllUsed();

        string[] keyFiles = Directory.GetDirectories(net, "node*")
            .Select(d => Path.Combine(d, "validator.key"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (keyFiles.Length == 0)
        {
            throw new BenchUsageException($"{net} holds no nodeN/validator.key: not a testnet init output");
        }

        PrivateKey[] validators = keyFiles.Select(f => new PrivateKey(File.ReadAllText(f).Trim())).ToArray();
        string dataDir = Path.Combine(net, node);

        // Commits signed by only part of the set would not verify (and the rest would be jailed for downtime).
        ChainSpec spec = GenesisLoader.Load(NodePaths.Genesis(dataDir));
        HashSet<Address> keyed = validators.Select(v => v.Address).ToHashSet();
        Address[] missing = spec.Validators.Select(v => v.Address).Where(a => !keyed.Contains(a)).ToArray();
        if (missing.Length > 0)
        {
            throw new BenchUsageException($"{net} has no validator.key for genesis validator(s) {string.Join(", ", missing)}");
        }
        Console.WriteLine($"building {net}/{node} to #{blocks:N0}: {txsPerBlock} transfers a block, commits signed by {validators.Length} validators");
        (ulong head, TimeSpan elapsed) = new TestnetChainBuilder(dataDir, validators, txsPerBlock, Console.Out).Build((ulong)blocks);
        Console.WriteLine($"head #{head:N0} after {elapsed.TotalSeconds:0.0} s");

        foreach (string target in (copyTo ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string from = Path.Combine(dataDir, "db");
            string to = Path.Combine(net, target, "db");
            if (Directory.Exists(to))
            {
                Directory.Delete(to, recursive: true);
            }

            CopyDirectory(from, to);
            Console.WriteLine($"copied the database to {target}");
        }

        return 0;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
