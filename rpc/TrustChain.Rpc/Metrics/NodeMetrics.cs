using TrustChain.Chain.Blocks;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Storage;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Rpc.Metrics;

/// <summary>
/// The node's standard metrics over a chain and its pool: head height, peers, pool sizes, committed blocks and
/// transactions, block processing time, registry activity counted from committed receipts (<see cref="Registries"/>)
/// and RocksDB sizes per column family. Other parts
/// add their own to <see cref="Registry"/> (e.g. the consensus engine registers <see cref="MetricNames.ConsensusRound"/>).
/// Dispose to detach from the chain.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    private readonly Blockchain _chain;
    private readonly Counter _blocks;
    private readonly Counter _transactions;

    public NodeMetrics(MetricsRegistry registry, Blockchain chain, ChainTxPool pool, Func<int>? peerCount = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(pool);
        Registry = registry;
        _chain = chain;
        Func<int> peers = peerCount ?? (static () => 0);
        registry.Gauge(MetricNames.HeadBlock, "Number of the head block.", () => chain.Head.Number);
        registry.Gauge(MetricNames.Peers, "Connected peers.", () => peers());
        registry.Gauge(MetricNames.TxPoolPending, "Transactions executable now (pending).", () => pool.PendingCount);
        registry.Gauge(MetricNames.TxPoolQueued, "Transactions waiting for a nonce gap to close (queued).", () => pool.QueuedCount);
        _blocks = registry.Counter(MetricNames.BlocksCommitted, "Blocks committed since start.");
        _transactions = registry.Counter(MetricNames.TransactionsCommitted, "Transactions in blocks committed since start.");
        BlockProcessing = registry.Histogram(MetricNames.BlockProcessingSeconds, "Time to build or validate, execute and commit a block, in seconds.", HistogramBuckets.BlockProcessing);
        Registries = new RegistryActivityMetrics(registry);
        RegisterDatabase(registry, chain.Database);
        chain.BlockCommitted += OnBlockCommitted;
    }

    public MetricsRegistry Registry { get; }

    /// <summary>Observe each block's processing time here (the producer or consensus engine measures it).</summary>
    public Histogram BlockProcessing { get; }

    /// <summary>Enrolments, erasures, verified and rejected human proofs, credentials and model settlements.</summary>
    public RegistryActivityMetrics Registries { get; }

    public Counter ProofsVerified => Registries.ProofsVerified;

    public Counter Enrolments => Registries.Enrolments;

    public void Dispose() => _chain.BlockCommitted -= OnBlockCommitted;

    private static void RegisterDatabase(MetricsRegistry registry, RocksDatabase db)
    {
        registry.Gauge(MetricNames.RocksDbSstBytes, "RocksDB SST file bytes per column family.", "cf",
            () => Read(db, "rocksdb.total-sst-files-size"));
        registry.Gauge(MetricNames.RocksDbLiveDataBytes, "RocksDB estimated live data bytes per column family.", "cf",
            () => Read(db, "rocksdb.estimate-live-data-size"));
        registry.Gauge(MetricNames.RocksDbMemTableBytes, "RocksDB memtable bytes per column family.", "cf",
            () => Read(db, "rocksdb.size-all-mem-tables"));
    }

    private static KeyValuePair<string, double>[] Read(RocksDatabase db, string property)
    {
        IReadOnlyList<ColumnFamily> families = db.ColumnFamilies;
        var values = new KeyValuePair<string, double>[families.Count];
        for (int i = 0; i < families.Count; i++)
        {
            values[i] = new KeyValuePair<string, double>(families[i].Name, db.GetLongProperty(families[i], property) ?? 0);
        }

        return values;
    }

    private void OnBlockCommitted(Block block, IReadOnlyList<TxReceipt> receipts)
    {
        _blocks.Increment();
        _transactions.Increment(block.Transactions.Count);
        Registries.Observe(block, receipts);
    }
}
