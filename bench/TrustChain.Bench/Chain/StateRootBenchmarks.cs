using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Bench.Chain;

/// <summary>
/// State root update: N existing accounts change balance and nonce on a tree of 100k accounts, then the overlay is
/// committed (new root, tree nodes and flat values staged, batch written, overlay rebased) — the per-block state
/// cost. Each invocation commits a new version, as consecutive blocks do.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class StateRootBenchmarks
{
    private const int TreeSize = 100_000;

    private string _dataDir = "";
    private RocksDatabase? _db;
    private StateDatabase? _state;
    private Address[] _accounts = [];
    private Random _random = new(1);
    private ulong _version;

    [Params(1_000, 10_000)]
    public int Updates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "trustchain-bench-state-" + Guid.NewGuid().ToString("N"));
        _db = RocksDatabase.Open(_dataDir, DbColumns.All);
        _state = new StateDatabase(_db);
        _accounts = new Address[TreeSize];
        Span<byte> bytes = stackalloc byte[Address.Length];
        WorldState genesis = _state.OpenWorldState(StateDatabase.EmptyRoot);
        for (int i = 0; i < TreeSize; i++)
        {
            _random.NextBytes(bytes);
            _accounts[i] = new Address(bytes);
            genesis.SetAccount(_accounts[i], new Account(0, new UInt256((ulong)i + 1)));
        }

        CommitVersion(genesis);
    }

    [Benchmark]
    public Hash256 CommitUpdates()
    {
        WorldState state = _state!.OpenLatest();
        for (int i = 0; i < Updates; i++)
        {
            Address account = _accounts[_random.Next(TreeSize)];
            Account current = state.GetAccount(account);
            state.SetAccount(account, new Account(current.Nonce + 1, current.Balance + UInt256.One));
        }

        return CommitVersion(state);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private Hash256 CommitVersion(WorldState state)
    {
        using WriteBatch batch = _db!.CreateWriteBatch();
        Hash256 root = state.Commit(batch, _version++);
        _db.Write(batch, sync: false);
        state.MarkCommitted();
        return root;
    }
}
