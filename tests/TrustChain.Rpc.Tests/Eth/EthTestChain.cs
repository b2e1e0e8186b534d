using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.Hosting;
using TrustChain.Rpc.JsonRpc;
using TrustChain.Rpc.Modules.Eth;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Rpc.Tests.Eth;

/// <summary>
/// A real chain (temp RocksDB, the repo genesis), pool and RPC server on a free port, plus a block production step
/// that calls the chain's build/commit the way the dev producer does.
/// </summary>
public sealed class EthTestChain : IAsyncDisposable
{
    /// <summary>Hardhat/anvil dev keys; the repo genesis funds their addresses.</summary>
    public static readonly PrivateKey[] DevKeys =
    [
        new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
        new("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
        new("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
        new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"),
    ];

    public const int LogRangeLimit = 100;

    private readonly string _dataDir;
    private int _nextId;

    private EthTestChain(string dataDir, Blockchain chain, ChainTxPool pool, EthRpcContext context, RpcServer server, ManualTimeProvider time)
    {
        _dataDir = dataDir;
        Chain = chain;
        Pool = pool;
        Context = context;
        Server = server;
        Time = time;
        Client = new HttpClient { BaseAddress = server.RpcUri };
    }

    public Blockchain Chain { get; }

    public ChainTxPool Pool { get; }

    public EthRpcContext Context { get; }

    public RpcServer Server { get; }

    public ManualTimeProvider Time { get; }

    public HttpClient Client { get; }

    public ChainSpec Spec => Chain.Spec;

    public static string RepoGenesisPath
    {
        get
        {
            for (DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "genesis.json");
                if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "TrustChain.sln")))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("repo genesis.json not found above the test directory");
        }
    }

    public static async Task<EthTestChain> StartAsync()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tc-ethrpc-" + Guid.NewGuid().ToString("N"));
        var contracts = new SystemContractRegistry();
        contracts.Register(new TestLogContract());
        Blockchain chain = Blockchain.Open(dir, ChainSpec.Load(RepoGenesisPath), new BlockchainOptions { SystemContracts = contracts });
        var pool = new ChainTxPool(chain.Spec, () => chain.HeadState, () => chain.NextBaseFee);
        chain.TxPool = pool;
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var context = new EthRpcContext(chain, pool, new EthRpcOptions { MaxLogBlockRange = LogRangeLimit }, time);
        var registry = new RpcMethodRegistry();
        EthRpcModule.Register(registry, context);
        var server = new RpcServer(new RpcOptions { Port = 0 }, registry);
        await server.StartAsync();
        return new EthTestChain(dir, chain, pool, context, server, time);
    }

    /// <summary>Builds the head's child from the pool and commits it with a real validator signature.</summary>
    public Block ProduceBlock()
    {
        BlockHeader head = Chain.Head;
        ExecutedBlock built = Chain.BuildBlock(DevKeys[0].Address, head.Timestamp + 1000, null);
        Block block = built.Block;
        EcdsaSignature sig = DevKeys[0].Sign(block.Hash);
        byte[] raw = new byte[65];
        sig.R.ToBigEndian(raw.AsSpan(0, 32));
        sig.S.ToBigEndian(raw.AsSpan(32, 32));
        raw[64] = sig.RecoveryId;
        var commit = new Commit(block.Number, 0, block.Hash, [new CommitSignature(DevKeys[0].Address, raw)]);
        Chain.Commit(block, commit, built);
        return block;
    }

    public Transaction Sign1559(int keyIndex, ulong nonce, Address to, UInt256 value, byte[]? data = null, ulong gas = 21_000,
        UInt256? maxFee = null, UInt256? tip = null, ulong? chainId = null) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = chainId ?? Spec.ChainId,
            Nonce = nonce,
            MaxFeePerGas = maxFee ?? 10 * ChainParameters.OneGwei,
            MaxPriorityFeePerGas = tip ?? 2 * ChainParameters.OneGwei,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data ?? [],
        }, DevKeys[keyIndex]);

    public Transaction SignLegacy(int keyIndex, ulong nonce, Address to, UInt256 value, UInt256 gasPrice, ulong gas = 21_000) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Legacy,
            ChainId = Spec.ChainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            GasLimit = gas,
            To = to,
            Value = value,
        }, DevKeys[keyIndex]);

    /// <summary>Sends one call; returns the whole response object.</summary>
    public async Task<JsonElement> RawCallAsync(string method, params object?[] args)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = args,
        });
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await Client.PostAsync((Uri?)null, content);
        string text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The "result" of a call; fails the test on an error answer.</summary>
    public async Task<JsonElement> CallAsync(string method, params object?[] args)
    {
        JsonElement response = await RawCallAsync(method, args);
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.False, $"{method} failed: {error}");
        return response.GetProperty("result");
    }

    /// <summary>The error object of a call that must fail.</summary>
    public async Task<JsonElement> ErrorAsync(string method, params object?[] args)
    {
        JsonElement response = await RawCallAsync(method, args);
        Assert.That(response.TryGetProperty("error", out JsonElement error), Is.True, $"{method} unexpectedly succeeded: {response}");
        return error;
    }

    public async Task<string> SendAsync(Transaction tx) =>
        (await CallAsync("eth_sendRawTransaction", Hex.ToHexString(TransactionEncoder.Encode(tx)))).GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Context.Dispose();
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
