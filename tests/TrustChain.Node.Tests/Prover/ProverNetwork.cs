using Microsoft.Extensions.Logging;
using TrustChain.Biometrics.Oprf;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus.Dev;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Prover;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Groth16;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Tests.Prover;

/// <summary>
/// A dev chain (repo genesis, RocksDB in a temp dir, the dev block producer) with its eth_ JSON-RPC server, and
/// <see cref="ProverCount"/> prover services sharing its state, each on its own JSON-RPC server (port) with its own
/// OPRF share (threshold 2) and prover account (dev keys 5, 6, 7): in-process stand-ins for prover nodes, so the
/// whole enrolment path runs over HTTP without three node processes syncing. Operator = dev key 1 (staked at start).
/// Everything the node and provers log goes to <see cref="Logs"/>.
/// </summary>
public sealed class ProverNetwork : IAsyncDisposable
{
    public const int ProverCount = 3;
    public const int Threshold = 2;
    public const int OperatorAccount = 1;
    public const int UnstakedAccount = 2;

    private readonly List<RpcServer> _servers = [];
    private readonly ILoggerFactory _loggers;
    private readonly EthRpcContext _eth;
    private readonly DevBlockProducer _producer;

    private ProverNetwork(string directory, VerificationKey? extraKey, int extraKeyDepth)
    {
        Directory = directory;
        Logs = new SynchronizedStringWriter();
        _loggers = NodeLogging.CreateFactory(LogSettings.Default, Logs);
        Spec = ChainSpec.Load(RepoPaths.Genesis);
        BlockchainOptions options = NodeRunner.CreateChainOptions(Spec, out SystemContractStates states);
        if (extraKey is not null)
        {
            states.Humans.VerificationKeys.Register(extraKeyDepth, extraKey);
        }

        Human = states.Humans;
        Staking = states.Staking;
        Chain = Blockchain.Open(Path.Combine(directory, "db"), Spec, options);
        ChainTxPool pool = new(Spec, () => Chain.HeadState, () => Chain.NextBaseFee);
        Chain.TxPool = pool;
        _eth = new EthRpcContext(Chain, pool);
        _producer = new DevBlockProducer(Chain, Chain.Head, DevAccounts.Get(0),
            new DevBlockProducerOptions { ChainId = Spec.ChainId, BlockTime = TimeSpan.FromMilliseconds(100), Debounce = TimeSpan.FromMilliseconds(20) },
            () => pool.PendingCount > 0);
        pool.TransactionAdded += _ => _producer.NotifyTransactionsPending();
        Dealing = ShamirDealer.Deal(Threshold, ProverCount);
        Committee = ProverCommittee.FromDealing(Dealing, Enumerable.Range(0, ProverCount).Select(i => ProverKey(i).Address).ToArray());
    }

    public string Directory { get; }

    public SynchronizedStringWriter Logs { get; }

    public ChainSpec Spec { get; }

    public Blockchain Chain { get; }

    public HumanRegistryState Human { get; }

    public StakingState Staking { get; }

    public OprfDealing Dealing { get; }

    public ProverCommittee Committee { get; }

    public Uri ChainUri { get; private set; } = null!;

    public IReadOnlyList<Uri> ProverUris { get; private set; } = [];

    public IReadOnlyList<ProverService> Provers { get; private set; } = [];

    public static PrivateKey Operator => DevAccounts.Get(OperatorAccount);

    public static PrivateKey ProverKey(int i) => DevAccounts.Get(5 + i);

    /// <param name="extraKey">A TrustChain verification key the chain accepts for <paramref name="extraKeyDepth"/> (native circuit proofs).</param>
    public static async Task<ProverNetwork> StartAsync(ProverOptions proverOptions, VerificationKey? extraKey = null, int extraKeyDepth = 0)
    {
        string directory = Path.Combine(Path.GetTempPath(), "tc-prover-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        ProverNetwork network = new(directory, extraKey, extraKeyDepth);
        await network.StartServersAsync(proverOptions).ConfigureAwait(false);
        network._producer.Start();
        using JsonRpcClient rpc = new(network.ChainUri);
        byte[] stake = AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall((byte)StakingRole.EnrollmentOperator);
        SendResult staked = await new TransactionSender(rpc).SendAsync(new SendRequest(Operator, StakingState.ContractAddress,
            network.Spec.Parameters.MinEnrollmentOperatorStake, stake, 200_000), wait: true, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        Assert.That(staked.Succeeded, Is.True, "the operator's stake transaction");
        return network;
    }

    /// <summary>A prover service on this chain with any share/committee (for misbehaving or rate-limited provers).</summary>
    public ProverService CreateService(OprfKeyShare share, ProverCommittee committee, PrivateKey key, ProverOptions options, TimeProvider? time = null) =>
        new(Chain, Human, share, committee, key, options, _loggers.CreateLogger("TrustChain.Prover"), time);

    /// <summary>Serves <paramref name="backend"/>'s prover_* methods on a new port.</summary>
    public async Task<Uri> ServeAsync(IProverBackend backend)
    {
        RpcMethodRegistry methods = new();
        methods.Register(new ProverRpcModule(backend));
        RpcServer server = new(new RpcOptions { ListenAddress = "127.0.0.1", Port = 0 }, methods, _loggers);
        await server.StartAsync().ConfigureAwait(false);
        _servers.Add(server);
        return server.RpcUri;
    }

    public ContractClient Registry(JsonRpcClient rpc) => new(rpc, HumanRegistryState.ContractAddress, HumanRegistryAbi.Value);

    public PalmEnroller Enroller(JsonRpcClient rpc, IReadOnlyList<Uri> provers, out CommitteeTagClient tagger, out List<ProverClient> clients)
    {
        clients = provers.Select(u => new ProverClient(u)).ToList();
        tagger = new CommitteeTagClient(Committee, clients, Operator, Spec.ChainId);
        return new PalmEnroller(Spec.Parameters, tagger, clients[^1], Registry(rpc), Operator);
    }

    /// <summary>Every file under the chain's RocksDB directory.</summary>
    public IEnumerable<string> DatabaseFiles() => System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "db"), "*", SearchOption.AllDirectories);

    public async ValueTask DisposeAsync()
    {
        await _producer.DisposeAsync().ConfigureAwait(false);
        foreach (RpcServer server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _eth.Dispose();
        Chain.Dispose();
        _loggers.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task StartServersAsync(ProverOptions proverOptions)
    {
        RpcMethodRegistry methods = new();
        EthRpcModule.Register(methods, _eth);
        RpcServer chainServer = new(new RpcOptions { ListenAddress = "127.0.0.1", Port = 0 }, methods, _loggers);
        await chainServer.StartAsync().ConfigureAwait(false);
        _servers.Add(chainServer);
        ChainUri = chainServer.RpcUri;
        List<Uri> uris = [];
        List<ProverService> provers = [];
        for (int i = 0; i < ProverCount; i++)
        {
            ProverService service = CreateService(Dealing.Shares[i], Committee, ProverKey(i), proverOptions);
            provers.Add(service);
            uris.Add(await ServeAsync(service).ConfigureAwait(false));
        }

        ProverUris = uris;
        Provers = provers;
    }
}
