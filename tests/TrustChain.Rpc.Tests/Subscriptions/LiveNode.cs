using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Metrics;
using TrustChain.Rpc.Modules.Eth;
using TrustChain.Rpc.Modules.Eth.Subscriptions;
using TrustChain.Rpc.Tests.Eth;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Rpc.Tests.Subscriptions;

/// <summary>
/// A real dev chain (temp RocksDB, repo genesis, the test log contract) behind a real RPC server on a free port with
/// the operator parts wired as the node wires them: subscriptions, metrics, /metrics and /health.
/// </summary>
public sealed class LiveNode : IAsyncDisposable
{
    private readonly string _dataDir;
    private readonly EthRpcContext _context;

    private LiveNode(string dataDir, Blockchain chain, ChainTxPool pool, EthRpcContext context, EthRpcModule module, RpcServer server,
        MetricsRegistry registry, NodeMetrics metrics, NodeHealth health, ManualTimeProvider time)
    {
        _dataDir = dataDir;
        _context = context;
        Chain = chain;
        Pool = pool;
        Module = module;
        Server = server;
        Registry = registry;
        Metrics = metrics;
        Health = health;
        Time = time;
        Http = new HttpClient { BaseAddress = server.HttpUri };
    }

    public Blockchain Chain { get; }

    public ChainTxPool Pool { get; }

    public EthRpcModule Module { get; }

    public RpcServer Server { get; }

    public MetricsRegistry Registry { get; }

    public NodeMetrics Metrics { get; }

    public NodeHealth Health { get; }

    public ManualTimeProvider Time { get; }

    public HttpClient Http { get; }

    public static async Task<LiveNode> StartAsync(EthSubscriptionOptions? subscriptions = null, int sendQueueLimit = 4096, ILoggerFactory? loggerFactory = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "tc-ops-" + Guid.NewGuid().ToString("N"));
        var contracts = new SystemContractRegistry();
        contracts.Register(new TestLogContract());
        Blockchain chain = Blockchain.Open(dir, ChainSpec.Load(EthTestChain.RepoGenesisPath), new BlockchainOptions { SystemContracts = contracts });
        var pool = new ChainTxPool(chain.Spec, () => chain.HeadState, () => chain.NextBaseFee);
        chain.TxPool = pool;
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var context = new EthRpcContext(chain, pool, new EthRpcOptions(), time);
        var methods = new RpcMethodRegistry();
        EthRpcModule module = EthRpcModule.Register(methods, context, subscriptions);
        var registry = new MetricsRegistry();
        var metrics = new NodeMetrics(registry, chain, pool, () => 3);
        registry.Gauge(MetricNames.RpcSubscriptions, "Live eth_subscribe subscriptions.", () => module.Subscriptions.ActiveSubscriptions);
        var health = new NodeHealth(chain, new HealthOptions { MaxHeadAge = TimeSpan.FromSeconds(30), PeerCount = () => 3 }, time);
        var server = new RpcServer(new RpcOptions { Port = 0, WebSocketSendQueueLimit = sendQueueLimit }, methods, loggerFactory, new RpcMetrics(registry));
        server.MapMetrics(registry);
        server.MapHealth(health);
        await server.StartAsync();
        return new LiveNode(dir, chain, pool, context, module, server, registry, metrics, health, time);
    }

    /// <summary>Builds the head's child from the pool and commits it with a real validator signature.</summary>
    public Block ProduceBlock()
    {
        BlockHeader head = Chain.Head;
        ExecutedBlock built = Chain.BuildBlock(EthTestChain.DevKeys[0].Address, head.Timestamp + 1000, null);
        Block block = built.Block;
        EcdsaSignature sig = EthTestChain.DevKeys[0].Sign(block.Hash);
        byte[] raw = new byte[65];
        sig.R.ToBigEndian(raw.AsSpan(0, 32));
        sig.S.ToBigEndian(raw.AsSpan(32, 32));
        raw[64] = sig.RecoveryId;
        Chain.Commit(block, new Commit(block.Number, 0, block.Hash, [new CommitSignature(EthTestChain.DevKeys[0].Address, raw)]), built);
        return block;
    }

    public async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(Server.WebSocketUri, CancellationToken.None);
        return socket;
    }

    /// <summary>Calls over HTTP; returns the whole response object.</summary>
    public async Task<JsonElement> HttpCallAsync(string method, params object?[] args)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = args });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await Http.PostAsync(Server.Options.Path, content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Metrics.Dispose();
        Health.Dispose();
        _context.Dispose();
        Chain.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
