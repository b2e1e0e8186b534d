using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Biometrics.Oprf;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus.Dev;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting;
using TrustChain.Node.Prover;
using TrustChain.Node.Tx;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Rpc.Modules.Prover;
using TrustChain.Zk.Groth16;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Bench.Palm;

/// <summary>
/// The dev chain (repo genesis, dev block producer) plus three prover services (2-of-3 OPRF, dev keys 5–7) each on its own
/// JSON-RPC port, all in this process; the enrolment operator (dev key 1) is staked at start.
/// </summary>
public sealed class PalmNetwork : IAsyncDisposable
{
    private readonly List<RpcServer> _servers = [];
    private readonly EthRpcContext _eth;
    private readonly DevBlockProducer _producer;
    private readonly string _directory;

    private PalmNetwork(string genesis, VerificationKey? key, int keyDepth)
    {
        _directory = Path.Combine(Path.GetTempPath(), "tc-bench-palm-" + Guid.NewGuid().ToString("N"));
        Spec = ChainSpec.Load(genesis);
        BlockchainOptions options = NodeRunner.CreateChainOptions(Spec, out SystemContractStates states);
        if (key is not null)
        {
            states.Humans.VerificationKeys.Register(keyDepth, key);
        }

        Human = states.Humans;
        Chain = Blockchain.Open(Path.Combine(_directory, "db"), Spec, options);
        ChainTxPool pool = new(Spec, () => Chain.HeadState, () => Chain.NextBaseFee);
        Chain.TxPool = pool;
        _eth = new EthRpcContext(Chain, pool);
        _producer = new DevBlockProducer(Chain, Chain.Head, DevAccounts.Get(0),
            new DevBlockProducerOptions { ChainId = Spec.ChainId, BlockTime = TimeSpan.FromMilliseconds(100), Debounce = TimeSpan.FromMilliseconds(2) },
            () => pool.PendingCount > 0);
        pool.TransactionAdded += _ => _producer.NotifyTransactionsPending();
        Dealing = ShamirDealer.Deal(2, 3);
        Committee = ProverCommittee.FromDealing(Dealing, [DevAccounts.Get(5).Address, DevAccounts.Get(6).Address, DevAccounts.Get(7).Address]);
    }

    public ChainSpec Spec { get; }

    public Blockchain Chain { get; }

    public HumanRegistryState Human { get; }

    public OprfDealing Dealing { get; }

    public ProverCommittee Committee { get; }

    public Uri ChainUri { get; private set; } = null!;

    public List<Uri> ProverUris { get; } = [];

    public static PrivateKey Operator => DevAccounts.Get(1);

    public static async Task<PalmNetwork> StartAsync(string genesis, ProverOptions options, VerificationKey? key = null, int keyDepth = 0)
    {
        PalmNetwork network = new(genesis, key, keyDepth);
        network.ChainUri = await network.ServeAsync(methods => EthRpcModule.Register(methods, network._eth));
        for (int i = 0; i < 3; i++)
        {
            ProverService service = new(network.Chain, network.Human, network.Dealing.Shares[i], network.Committee, DevAccounts.Get(5 + i), options, NullLogger.Instance);
            network.ProverUris.Add(await network.ServeAsync(methods => methods.Register(new ProverRpcModule(service))));
        }

        network._producer.Start();
        using JsonRpcClient rpc = new(network.ChainUri);
        byte[] stake = AbiFunction.Parse("function stake(uint8 role) payable").EncodeCall((byte)StakingRole.EnrollmentOperator);
        await new TransactionSender(rpc).SendAsync(new SendRequest(Operator, StakingState.ContractAddress, network.Spec.Parameters.MinEnrollmentOperatorStake,
            stake, 200_000), wait: true, TimeSpan.FromSeconds(30));
        return network;
    }

    public PalmEnroller Enroller(JsonRpcClient rpc, out List<ProverClient> clients)
    {
        clients = ProverUris.Select(u => new ProverClient(u)).ToList();
        CommitteeTagClient tagger = new(Committee, clients, Operator, Spec.ChainId);
        return new PalmEnroller(Spec.Parameters, tagger, clients[0], new Node.ModelHost.ContractClient(rpc, HumanRegistryState.ContractAddress, HumanRegistryAbi.Value), Operator);
    }

    public async ValueTask DisposeAsync()
    {
        await _producer.DisposeAsync();
        foreach (RpcServer server in _servers)
        {
            await server.DisposeAsync();
        }

        _eth.Dispose();
        Chain.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task<Uri> ServeAsync(Action<RpcMethodRegistry> register)
    {
        RpcMethodRegistry methods = new();
        register(methods);
        RpcServer server = new(new RpcOptions { ListenAddress = "127.0.0.1", Port = 0 }, methods, NullLoggerFactory.Instance);
        await server.StartAsync();
        _servers.Add(server);
        return server.RpcUri;
    }
}
