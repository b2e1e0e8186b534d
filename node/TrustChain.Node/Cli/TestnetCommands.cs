using System.CommandLine;
using TrustChain.Node.Hosting;

namespace TrustChain.Node.Cli;

/// <summary>`trustchain testnet init`: a local multi-validator network on 127.0.0.1 (scripts/testnet.sh runs it).</summary>
public static class TestnetCommands
{
    public static Command Create(CliContext context)
    {
        Command testnet = new("testnet", "Local multi-validator networks");
        testnet.Subcommands.Add(CreateInit(context));
        return testnet;
    }

    private static Command CreateInit(CliContext context)
    {
        Command command = new("init", "Write genesis, keys, data dirs and run arguments for N validators on 127.0.0.1");
        Option<int> validators = new("--validators") { Description = "Number of validators", DefaultValueFactory = _ => 4 };
        Option<int> followers = new("--followers") { Description = "Extra non-validator nodes", DefaultValueFactory = _ => 0 };
        Option<string> output = new("--out") { Description = "Output directory (new or empty)", HelpName = "DIR", Required = true };
        Option<int> p2pPort = new("--base-p2p-port") { Description = "P2P port of node 0; node i uses base + i", DefaultValueFactory = _ => 26600 };
        Option<int> rpcPort = new("--base-rpc-port") { Description = "JSON-RPC port of node 0; node i uses base + i", DefaultValueFactory = _ => 8600 };
        Option<int?> timeoutCommit = new("--timeout-commit") { Description = "Genesis timeoutCommitMs (default: the dev genesis')", HelpName = "MS" };
        Option<int?> timeoutPropose = new("--timeout-propose") { Description = "Genesis timeoutProposeMs", HelpName = "MS" };
        Option<int?> timeoutVote = new("--timeout-vote") { Description = "Genesis timeoutPrevoteMs and timeoutPrecommitMs", HelpName = "MS" };
        Option<int?> epochLength = new("--epoch-length") { Description = "Genesis epochLength: validator-set changes take effect every N blocks", HelpName = "BLOCKS" };
        Option<string> template = new("--template") { Description = "Genesis to take parameters and alloc from (default: the dev genesis)", HelpName = "FILE" };
        foreach (Option option in new Option[] { validators, followers, output, p2pPort, rpcPort, timeoutCommit, timeoutPropose, timeoutVote, epochLength, template })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, _) =>
        {
            TestnetSettings settings = new()
            {
                Validators = parseResult.GetValue(validators),
                Followers = parseResult.GetValue(followers),
                OutputDir = parseResult.GetValue(output)!,
                BaseP2PPort = parseResult.GetValue(p2pPort),
                BaseRpcPort = parseResult.GetValue(rpcPort),
                TimeoutCommitMs = parseResult.GetValue(timeoutCommit),
                TimeoutProposeMs = parseResult.GetValue(timeoutPropose),
                TimeoutVoteMs = parseResult.GetValue(timeoutVote),
                EpochLength = parseResult.GetValue(epochLength),
            };
            TestnetLayout layout = TestnetGenerator.Generate(settings, parseResult.GetValue(template) ?? NodePaths.BundledDevGenesis);
            context.Output.WriteLine($"Genesis: {layout.GenesisPath}");
            foreach (TestnetNode node in layout.Nodes)
            {
                string role = node.Validator is { } address ? $"validator {address}" : "follower";
                context.Output.WriteLine($"node{node.Index}: {role}, p2p 127.0.0.1:{node.P2PPort}, rpc http://127.0.0.1:{node.RpcPort}, run: trustchain @{node.ArgsFile}");
            }

            context.Output.WriteLine("WARNING: the genesis funds the public dev accounts; this network is for local testing only.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
