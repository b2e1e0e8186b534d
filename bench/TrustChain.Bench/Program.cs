using BenchmarkDotNet.Running;
using TrustChain.Bench.Cli;
using TrustChain.Bench.InProcess;
using TrustChain.Bench.Load;
using TrustChain.Bench.Zk;

namespace TrustChain.Bench;

/// <summary>
/// Entry point. Subcommands first (<c>load rpc</c>, <c>load transfers</c>, <c>inprocess blocks</c>); anything else goes
/// to BenchmarkDotNet: <c>dotnet run -c Release --project bench/TrustChain.Bench -- --filter '*Keccak*'</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? command = args.Length >= 2 ? $"{args[0]} {args[1]}" : null;
        try
        {
            if (args.Length >= 1 && args[0] == "explorer")
            {
                command = "explorer";
                return await Explorer.ExplorerBenchCommand.RunAsync(new CommandArgs(args[1..])).ConfigureAwait(false);
            }

            switch (command)
            {
                case "load rpc":
                    return await RpcLoadCommand.RunAsync(new CommandArgs(args[2..])).ConfigureAwait(false);
                case "load transfers":
                    return await TransferLoadCommand.RunAsync(new CommandArgs(args[2..])).ConfigureAwait(false);
                case "inprocess blocks":
                    return InProcessBlocksCommand.Run(new CommandArgs(args[2..]));
                case "inprocess models":
                    return Registries.ModelBenchCommand.Run(new CommandArgs(args[2..]));
                case "inprocess credentials":
                    return Registries.CredentialBenchCommand.Run(new CommandArgs(args[2..]));
                case "inprocess human":
                    return Registries.HumanBenchCommand.Run(new CommandArgs(args[2..]));
                case "inprocess palm":
                    return await Palm.PalmBenchCommand.RunAsync(new CommandArgs(args[2..])).ConfigureAwait(false);
                case "zk run":
                    return ZkCommand.Run(new CommandArgs(args[2..]));
                case "testnet chain":
                    return Sync.TestnetChainCommand.Run(new CommandArgs(args[2..]));
            }
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 2;
        }

        if (args.Length > 0 && args[0] is "load" or "inprocess" or "zk" or "testnet")
        {
            Console.Error.WriteLine("usage: load rpc --url U [--connections 32] [--seconds 10] [--method eth_blockNumber]");
            Console.Error.WriteLine("       load transfers --url U[,U2,...] [--count 10000 | --rate R --duration-seconds S] [--senders 10] [--chain-id auto] [--batch 50] [--fee-headroom 2]");
            Console.Error.WriteLine("       inprocess blocks [--txs 10000] [--senders 1000]");
            Console.Error.WriteLine("       inprocess models [--users 5000] [--rounds 2] [--per-block 5000]");
            Console.Error.WriteLine("       inprocess credentials [--credentials 20000] [--batch 500] [--batches-per-block 20] [--verifications 10000] [--verifiers 1000]");
            Console.Error.WriteLine("       inprocess human [--members 1000000] [--enrolments 2000] [--tags 224] [--per-block 500] [--proofs 300] [--from-members 10000]");
            Console.Error.WriteLine("       inprocess palm [--people 100] [--evaluations 2000] [--seconds 10] [--zkey F] [--genesis F]");
            Console.Error.WriteLine("       zk run [--zkey F --wtns F] [--imt-log2 16] [--skip-slow true]");
            Console.Error.WriteLine("       testnet chain --net DIR [--blocks 10000] [--txs-per-block 10] [--node node0] [--copy-to node1,node2]");
            Console.Error.WriteLine("       explorer [--blocks 100000] [--txs-per-block 4] [--datadir D] [--browser true] [--trustchain trustchain.dll]");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
