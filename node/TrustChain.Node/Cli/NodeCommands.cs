using System.CommandLine;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;

namespace TrustChain.Node.Cli;

/// <summary>`trustchain init` and `trustchain run`.</summary>
public static class NodeCommands
{
    public static Command CreateInit(CliContext context, Option<string> configOption)
    {
        Command command = new("init", "Create a data dir for a network: copy its genesis file and write block 0");
        ConfigOptions options = new();
        Option<string> genesis = options.Add(command, ConfigKeys.Genesis, "Genesis file of the network", "FILE");
        genesis.Required = true;
        options.Add(command, ConfigKeys.DataDir, "Data directory (default ~/.trustchain/node)", "DIR");
        command.SetAction((parseResult, _) =>
        {
            LayeredConfig config = options.Resolve(parseResult, configOption, context);
            string genesisPath = config.GetPath(ConfigKeys.Genesis)!;
            string dataDir = config.GetPath(ConfigKeys.DataDir) ?? Path.Combine(PathUtil.Home(config.Environment), ".trustchain", "node");
            BlockSummary summary = NodeInitializer.Initialize(genesisPath, dataDir);
            context.Output.WriteLine($"Initialised {dataDir} for {summary.Network} (chain id {summary.ChainId})");
            context.Output.WriteLine($"Genesis block: {summary.GenesisHash}; head #{summary.HeadNumber}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static Command CreateRun(CliContext context, Option<string> configOption)
    {
        Command command = new("run", "Run the node: JSON-RPC and, with a validator key, block production");
        ConfigOptions options = new();
        options.AddSwitch(command, ConfigKeys.Dev, "Dev chain: repo genesis, ~/.trustchain/dev, first dev account validates");
        options.Add(command, ConfigKeys.DataDir, "Data directory (default ~/.trustchain/node, dev: ~/.trustchain/dev)", "DIR");
        options.Add(command, ConfigKeys.Genesis, "Genesis file (default: the one `init` stored in the data dir)", "FILE");
        options.Add(command, ConfigKeys.RpcAddr, "JSON-RPC listen address (default 127.0.0.1)", "IP");
        options.Add(command, ConfigKeys.RpcPort, "JSON-RPC port (default 8545; 0 = any free port)", "PORT");
        options.Add(command, ConfigKeys.ValidatorKey, "File holding the validator's private key as hex", "FILE");
        options.Add(command, ConfigKeys.Unlock, "Validator address to unlock from the keystore", "ADDRESS");
        options.Add(command, ConfigKeys.PasswordFile, "Password for --unlock (default: prompt)", "FILE");
        options.Add(command, ConfigKeys.Keystore, "Keystore directory for --unlock (default DATADIR/keystore)", "DIR");
        options.Add(command, ConfigKeys.BlockTime, "Milliseconds between blocks when idle (default: genesis blockTimeMs)", "MS");
        options.Add(command, ConfigKeys.Cors, "Comma-separated allowed CORS origins (default *)", "ORIGINS");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            RunSettings settings = RunSettings.Resolve(options.Resolve(parseResult, configOption, context));
            return await new NodeRunner(settings, context).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
