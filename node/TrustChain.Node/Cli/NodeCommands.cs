using System.CommandLine;
using TrustChain.Node.Config;
using TrustChain.Node.Hosting;
using TrustChain.Node.Hosting.Network;
using TrustChain.Node.Prover;

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
        Command command = new("run", "Run the node: JSON-RPC, and either the P2P network (Tendermint) or a standalone dev producer");
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
        options.Add(command, ConfigKeys.DevEmptyBlocks, "Standalone/dev chain: false seals blocks only for transactions (default true)", "BOOL");
        options.Add(command, ConfigKeys.DevEmptyBlocksInterval, "With --dev-empty-blocks false: make an empty block after this many idle milliseconds (default 0: never)", "MS");
        options.Add(command, ConfigKeys.Cors, "Comma-separated allowed CORS origins (default *)", "ORIGINS");
        options.AddSwitch(command, NetworkConfigKeys.Validator, "Validate on the P2P network (Tendermint) with --validator-key or --unlock");
        options.Add(command, NetworkConfigKeys.P2PAddr, "P2P listen address (default 0.0.0.0)", "IP");
        options.Add(command, NetworkConfigKeys.P2PPort, $"P2P listen port (default {NetworkSettings.DefaultP2PPort}; 0 = any free port)", "PORT");
        options.Add(command, NetworkConfigKeys.Bootnodes, "Comma-separated peers to dial at start: [nodeId@]host:port", "PEERS");
        options.Add(command, NetworkConfigKeys.PersistentPeers, "Comma-separated peers kept connected: [nodeId@]host:port", "PEERS");
        options.Add(command, NetworkConfigKeys.MaxPeers, $"Most inbound peers (default {NetworkSettings.DefaultMaxPeers})", "N");
        options.Add(command, NetworkConfigKeys.NodeKey, "P2P identity key file, hex (default DATADIR/nodekey, created when missing)", "FILE");
        options.AddSwitch(command, ProverConfigKeys.Prover, "Also serve prover_* (OPRF, palm dedup pre-check, signed human-proof checks)");
        options.Add(command, ProverConfigKeys.Share, "This prover's encrypted OPRF key share (prover keygen)", "FILE");
        options.Add(command, ProverConfigKeys.Committee, "OPRF committee file (prover keygen); overrides the genesis proverCommittee", "FILE");
        options.Add(command, ProverConfigKeys.Key, "Staked Prover account key: hex file or keystore JSON (signs verdicts, is paid)", "FILE");
        options.Add(command, ProverConfigKeys.PasswordFile, "Password of the share file and a keystore --prover-key (default: prompt)", "FILE");
        options.Add(command, ProverConfigKeys.Rate, "OPRF evaluations per second per enrolment operator (default 224: one 224-band enrolment per second)", "N");
        options.Add(command, ProverConfigKeys.Burst, "OPRF token bucket size per operator (default 2,240)", "N");
        options.Add(command, ProverConfigKeys.ZkeyDir, "Directory of native semaphore-D.zkey files for prover_proveMembership", "DIR");
        ConfigCommands.AddOperatorOptions(command, options);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            LayeredConfig config = options.Resolve(parseResult, configOption, context);
            RunSettings settings = RunSettings.Resolve(config);
            NetworkSettings? network = NetworkSettings.IsRequested(config) ? NetworkSettings.Resolve(config, settings.DataDir) : null;
            return await new NodeRunner(settings, context, network, ProverSettings.Resolve(config)).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
