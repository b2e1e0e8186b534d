using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus.Dev;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting.Network;
using TrustChain.Node.Prover;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Rpc.Modules.Trust;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting;

/// <summary>
/// `trustchain run`: opens the chain (RocksDB under datadir/db), the mempool, the JSON-RPC server with the eth
/// module and then either joins the P2P network (<see cref="NetworkSettings"/> given: Tendermint as a validator or a
/// follower, with block sync) or, standalone with a validator key, a single-validator Tendermint; runs until
/// SIGINT/SIGTERM or cancellation, then stops producing (the block in flight is finished), disposes the RPC server
/// and closes the database.
/// </summary>
/// <remarks>
/// `--dev` (and any standalone node whose key holds 2/3 of the stake) runs the same Tendermint engine with one
/// validator (<see cref="DevConsensus"/>): a block every block time, or a few milliseconds after transactions arrive.
/// A standalone key with less stake (a dev genesis with several validators) keeps the legacy DevBlockProducer.
/// </remarks>
public sealed class NodeRunner
{
    private static readonly TimeSpan DevTxDebounce = TimeSpan.FromMilliseconds(5);

    private readonly RunSettings _settings;
    private readonly CliContext _context;
    private readonly NetworkSettings? _network;
    private readonly ProverSettings? _prover;

    /// <param name="network">Null: a standalone node (single-validator consensus with a key, RPC only without).</param>
    /// <param name="prover">Non-null: also serve prover_* with this OPRF share and prover key (`--prover`).</param>
    public NodeRunner(RunSettings settings, CliContext context, NetworkSettings? network = null, ProverSettings? prover = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (network is not null && settings.Dev)
        {
            throw new ConfigException("--dev runs a standalone dev chain; P2P settings (--validator, --p2p-port, peers) do not apply to it.");
        }

        if (network is not null && !settings.EmptyBlocks)
        {
            throw new ConfigException("--dev-empty-blocks false applies to a standalone chain; on the network every validator follows the genesis timeouts.");
        }

        _settings = settings;
        _context = context;
        _network = network;
        _prover = prover;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        ChainSpec spec = GenesisLoader.Load(ResolveGenesisPath());
        PrivateKey? validator = ValidatorKeyLoader.Load(_settings, spec, _context.PasswordPrompt);
        if (_network is not null && _network.Validator != validator is not null)
        {
            throw new ConfigException(_network.Validator
                ? "--validator needs the validator key: --validator-key FILE or --unlock ADDRESS."
                : "a validator key was given without --validator: add --validator to sign blocks on the network.");
        }

        Directory.CreateDirectory(_settings.DataDir);
        if (_settings.Dev && !File.Exists(NodePaths.Genesis(_settings.DataDir)))
        {
            File.Copy(ResolveGenesisPath(), NodePaths.Genesis(_settings.DataDir));
        }

        using CancellationTokenSource shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        using ILoggerFactory loggerFactory = NodeLogging.CreateFactory(_settings.Logging);
        ILogger log = loggerFactory.CreateLogger("TrustChain.Node");

        using Blockchain chain = Blockchain.Open(NodePaths.Database(_settings.DataDir), spec, CreateChainOptions(spec, out SystemContractStates states));
        ChainTxPool pool = new(spec, () => chain.HeadState, () => chain.NextBaseFee);
        chain.TxPool = pool;
        log.LogInformation("Opened {DataDir}: chain {Name} (id {ChainId}), genesis {Genesis}, head #{Head} {HeadHash}",
            _settings.DataDir, spec.Name, spec.ChainId, chain.GenesisHash, chain.Head.Number, chain.Head.Hash);

        using EthRpcContext eth = new(chain, pool);
        RpcMethodRegistry methods = new();
        EthRpcModule ethModule = EthRpcModule.Register(methods, eth);
        TrustRpcModule.Register(methods, new TrustRpcContext(eth, states.Staking, states.Humans, states.Credentials, states.Models));
        MetricsRegistry metrics = new();
        if (_prover is not null)
        {
            ProverService prover = new(chain, states.Humans, _prover.LoadShare(_context.PasswordPrompt), _prover.LoadCommittee(spec),
                _prover.LoadKey(_context.PasswordPrompt), _prover.Options, loggerFactory.CreateLogger("TrustChain.Prover"));
            methods.Register(new ProverRpcModule(new MeteredProverBackend(prover, metrics)));
            log.LogInformation("Prover: committee member {Member} of a {Threshold}-of-n OPRF key, account {Prover}",
                prover.Info.Member, prover.Info.Threshold, prover.Info.Prover);
        }

        NetworkNode? network = null;
        using NodeMetrics nodeMetrics = new(metrics, chain, pool, () => network?.Host.PeerCount ?? 0);
        metrics.Gauge(MetricNames.RpcSubscriptions, "Live eth_subscribe subscriptions.", () => ethModule.Subscriptions.ActiveSubscriptions);
        using NodeHealth health = new(chain, new HealthOptions
        {
            // Without empty blocks an idle head is normal: only the interval (or the 1 h cap) makes it stale.
            MaxHeadAge = _settings.HealthMaxHeadAge(!_settings.EmptyBlocks ? (ulong)(_settings.EmptyBlocksIntervalMs ?? 3_600_000)
                : _settings.BlockTimeMs is { } ms ? (ulong)ms : spec.Parameters.BlockTimeMs),
            PeerCount = () => network?.Host.PeerCount ?? 0,
        });
        RpcOptions rpcOptions = new() { ListenAddress = _settings.RpcAddress, Port = _settings.RpcPort };
        if (_settings.CorsOrigins is { } origins)
        {
            rpcOptions.CorsAllowedOrigins = origins;
        }

        await using RpcServer rpc = new(rpcOptions, methods, loggerFactory, new RpcMetrics(metrics));
        rpc.ExplorerEnabled = _settings.Explorer;
        rpc.MapMetrics(metrics);
        rpc.MapHealth(health);
        await rpc.StartAsync(shutdown.Token).ConfigureAwait(false);
        // Off the critical path: readiness and block production never wait for it; it only spares the first explorer
        // visitor (and the first scrape) the JIT of the paths they take.
        Task warmUp = Task.Run(() => rpc.WarmUpAsync(shutdown.Token), CancellationToken.None);

        Task? consensus = null;
        if (_network is not null)
        {
            network = new NetworkNode(chain, pool, _network, NodeKeyFile.LoadOrCreate(_network.NodeKeyFile), validator, _settings.DataDir, loggerFactory);
            await network.StartAsync(shutdown.Token).ConfigureAwait(false);
            consensus = Task.Run(() => network.RunAsync(shutdown.Token), CancellationToken.None);
        }

        IAsyncDisposable? producer = null;
        Action? startProducer = null;
        DevConsensus? devConsensus = null;
        if (validator is not null && network is null)
        {
            ulong blockTimeMs = _settings.BlockTimeMs is { } configured ? (ulong)configured : spec.Parameters.BlockTimeMs;
            void Committed(Core.Blocks.Block block, TimeSpan elapsed)
            {
                log.LogInformation("Committed block #{Number} txs={Txs} gas={Gas} hash={Hash} in {Ms:0.0} ms",
                    block.Number, block.Transactions.Count, block.Header.GasUsed, block.Hash, elapsed.TotalMilliseconds);
                nodeMetrics.BlockProcessing.Observe(elapsed);
            }

            if (DevConsensus.CanCommitAlone(chain, validator.Address))
            {
                TimeSpan idle = _settings.EmptyBlocks ? TimeSpan.FromMilliseconds(blockTimeMs)
                    : _settings.EmptyBlocksIntervalMs is { } interval ? TimeSpan.FromMilliseconds(interval) : Timeout.InfiniteTimeSpan;
                DevConsensus dev = new(chain, pool, validator, _settings.DataDir, idle, DevTxDebounce, Committed, log);
                (producer, startProducer, devConsensus) = (dev, dev.Start, dev);
            }
            else
            {
                // A standalone node whose key lacks 2/3 of the stake (e.g. a dev genesis with several validators) could
                // never commit through consensus; the legacy producer seals alone, with commits only this key signed.
                log.LogWarning("Validator {Validator} holds less than 2/3 of the voting power: producing blocks alone with the legacy dev producer", validator.Address);
                DevBlockProducer dev = new(chain, chain.Head, validator,
                    new DevBlockProducerOptions { ChainId = spec.ChainId, BlockTime = TimeSpan.FromMilliseconds(blockTimeMs) },
                    () => pool.PendingCount > 0);
                dev.BlockProduced += block => Committed(block.Block, block.Elapsed);
                dev.ProductionFailed += e => log.LogError(e, "Block production failed");
                pool.TransactionAdded += _ => dev.NotifyTransactionsPending();
                (producer, startProducer) = (dev, dev.Start);
            }
        }

        ConsensusMetrics.Register(metrics, () => network?.Driver ?? devConsensus?.Driver);
        PrintBanner(spec, validator, rpc, network);
        startProducer?.Invoke();
        if (producer is null && network is null)
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

        if (network is not null)
        {
            try
            {
                await consensus!.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Consensus stopped with an error");
            }

            await network.DisposeAsync().ConfigureAwait(false);
        }

        // Cancelled with the shutdown token; its requests must not outlive the server they are sent to.
        await warmUp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
    public static BlockchainOptions CreateChainOptions(ChainSpec spec) => CreateChainOptions(spec, out _);

    /// <inheritdoc cref="CreateChainOptions(ChainSpec)"/>
    /// <param name="states">The installed contracts' native read APIs.</param>
    public static BlockchainOptions CreateChainOptions(ChainSpec spec, out SystemContractStates states)
    {
        ArgumentNullException.ThrowIfNull(spec);
        BlockchainOptions options = new();
        StakingState staking = StakingModule.Install(options, spec.Parameters);
        HumanRegistryState humans = HumanModule.Install(options, spec.Parameters, staking, HumanVerificationKeys.FromGenesis(spec));
        CredentialRegistryState credentials = CredentialModule.Install(options, spec.Parameters, staking);
        ModelRegistryState models = ModelModule.Install(options, spec.Parameters, staking, humans);
        states = new SystemContractStates(staking, humans, credentials, models);
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

    private void PrintBanner(ChainSpec spec, PrivateKey? validator, RpcServer rpc, NetworkNode? network)
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
        if (network is not null)
        {
            output.WriteLine($"P2P: {network.NodeId.ToHexString()}@{network.Host.ListenEndPoint}");
        }

        output.WriteLine($"JSON-RPC: {rpc.RpcUri}");
        output.Flush();
    }
}
