using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus.Dev;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting;

/// <summary>
/// `trustchain run`: opens the chain (RocksDB under datadir/db), the mempool, the JSON-RPC server with the eth
/// module and, with a validator key, the dev block producer; runs until SIGINT/SIGTERM or cancellation, then stops
/// producing (the block in flight is finished), disposes the RPC server and closes the database.
/// </summary>
public sealed class NodeRunner
{
    private readonly RunSettings _settings;
    private readonly CliContext _context;

    public NodeRunner(RunSettings settings, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        _settings = settings;
        _context = context;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        ChainSpec spec = GenesisLoader.Load(ResolveGenesisPath());
        PrivateKey? validator = ValidatorKeyLoader.Load(_settings, spec, _context.PasswordPrompt);
        Directory.CreateDirectory(_settings.DataDir);
        if (_settings.Dev && !File.Exists(NodePaths.Genesis(_settings.DataDir)))
        {
            File.Copy(ResolveGenesisPath(), NodePaths.Genesis(_settings.DataDir));
        }

        using CancellationTokenSource shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        using ILoggerFactory loggerFactory = NodeLogging.CreateFactory();
        ILogger log = loggerFactory.CreateLogger("TrustChain.Node");

        using Blockchain chain = Blockchain.Open(NodePaths.Database(_settings.DataDir), spec, CreateChainOptions(spec));
        ChainTxPool pool = new(spec, () => chain.HeadState, () => chain.NextBaseFee);
        chain.TxPool = pool;
        log.LogInformation("Opened {DataDir}: chain {Name} (id {ChainId}), genesis {Genesis}, head #{Head} {HeadHash}",
            _settings.DataDir, spec.Name, spec.ChainId, chain.GenesisHash, chain.Head.Number, chain.Head.Hash);

        using EthRpcContext eth = new(chain, pool);
        RpcMethodRegistry methods = new();
        EthRpcModule.Register(methods, eth);
        RpcOptions rpcOptions = new() { ListenAddress = _settings.RpcAddress, Port = _settings.RpcPort };
        if (_settings.CorsOrigins is { } origins)
        {
            rpcOptions.CorsAllowedOrigins = origins;
        }

        await using RpcServer rpc = new(rpcOptions, methods, loggerFactory);
        await rpc.StartAsync(shutdown.Token).ConfigureAwait(false);

        DevBlockProducer? producer = null;
        if (validator is not null)
        {
            ulong blockTimeMs = _settings.BlockTimeMs is { } configured ? (ulong)configured : spec.Parameters.BlockTimeMs;
            DevBlockProducer dev = new(
                chain,
                chain.Head,
                validator,
                new DevBlockProducerOptions { ChainId = spec.ChainId, BlockTime = TimeSpan.FromMilliseconds(blockTimeMs) },
                () => pool.PendingCount > 0);
            dev.BlockProduced += block => log.LogInformation(
                "Committed block #{Number} txs={Txs} gas={Gas} hash={Hash} in {Ms:0.0} ms",
                block.Block.Number, block.Block.Transactions.Count, block.Block.Header.GasUsed, block.Block.Hash, block.Elapsed.TotalMilliseconds);
            dev.ProductionFailed += e => log.LogError(e, "Block production failed");
            pool.TransactionAdded += _ => dev.NotifyTransactionsPending();
            producer = dev;
        }

        PrintBanner(spec, validator, rpc);
        producer?.Start();
        if (producer is null)
        {
            log.LogWarning("No validator key (--validator-key or --unlock): serving JSON-RPC without producing blocks");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The normal way out: a signal or the caller asked to stop.
        }

        log.LogInformation("Shutting down: stopping block production");
        if (producer is not null)
        {
            await producer.DisposeAsync().ConfigureAwait(false);
        }

        await rpc.StopAsync(CancellationToken.None).ConfigureAwait(false);
        log.LogInformation("Stopped at head #{Head} {Hash}", chain.Head.Number, chain.Head.Hash);
        return ExitCodes.Success;

        void OnSignal(PosixSignalContext signal)
        {
            // Keep the runtime from terminating the process; shutdown is ours to finish.
            signal.Cancel = true;
            shutdown.Cancel();
        }
    }

    /// <summary>
    /// The system contracts, block hooks and genesis initializers of a TrustChain node. Everything that opens a data
    /// dir (init, run, audits) must use it: the genesis hash depends on the genesis initializers.
    /// </summary>
    public static BlockchainOptions CreateChainOptions(ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BlockchainOptions options = new();
        StakingModule.Install(options, spec.Parameters);
        return options;
    }

    private string ResolveGenesisPath()
    {
        if (_settings.GenesisPath is { } explicitPath)
        {
            return explicitPath;
        }

        if (_settings.Dev)
        {
            return NodePaths.BundledDevGenesis;
        }

        string stored = NodePaths.Genesis(_settings.DataDir);
        if (!File.Exists(stored))
        {
            throw new ConfigException($"data dir {_settings.DataDir} is not initialised: run 'trustchain init --genesis FILE --datadir {_settings.DataDir}' first, or pass --genesis or --dev.");
        }

        return stored;
    }

    private void PrintBanner(ChainSpec spec, PrivateKey? validator, RpcServer rpc)
    {
        TextWriter output = _context.Output;
        if (_settings.Dev)
        {
            output.WriteLine("WARNING: DEV-ONLY accounts. These keys are public; never use them on any other network.");
            output.WriteLine();
            for (int i = 0; i < DevAccounts.Count; i++)
            {
                output.WriteLine($"  ({i}) {DevAccounts.Get(i).Address}  key {DevAccounts.KeyHexAt(i)}");
            }

            output.WriteLine();
        }

        if (validator is not null)
        {
            output.WriteLine($"Validator: {validator.Address}");
        }

        output.WriteLine($"Chain id: {spec.ChainId}");
        output.WriteLine($"JSON-RPC: {rpc.RpcUri}");
        output.Flush();
    }
}
