namespace TrustChain.Storage;

/// <summary>
/// Tuning for <see cref="RocksDatabase.Open"/>. The defaults (<see cref="Default"/>) target a node on a 2-core
/// machine with a few GB of RAM: bounded memory (one shared block cache, a global memtable budget), few
/// background threads, cheap compression on hot levels and dense compression on the bottom level.
/// </summary>
public sealed class RocksDbSettings
{
    private const long MiB = 1024 * 1024;

    /// <summary>The node defaults; see the property docs for the reasoning behind each value.</summary>
    public static RocksDbSettings Default { get; } = new();

    /// <summary>
    /// One LRU cache shared by all column families (data, index and filter blocks). 128 MiB keeps the hot part
    /// of state and recent blocks in memory without starving the rest of the node.
    /// </summary>
    public long BlockCacheSize { get; init; } = 128 * MiB;

    /// <summary>
    /// The block cache is split into 2^bits LRU shards, and a block larger than its shard is evicted as soon as it is
    /// released. RocksDB's own default (shards of 512 KiB, at most 64) gives 2 MiB shards at 128 MiB, smaller than
    /// the 5 MB unpartitioned filter block of a 4M-key SST file: every point lookup re-read it from disk. -1 derives
    /// the bits from <see cref="BlockCacheSize"/> so that each shard holds at least 16 MiB (two cores gain nothing
    /// from more shards).
    /// </summary>
    public int BlockCacheShardBits { get; init; } = -1;

    /// <summary>
    /// Two-level (partitioned) index and filter blocks: the top level is pinned in the cache, and a point lookup loads
    /// one index partition and one filter partition of <see cref="MetadataBlockSize"/> bytes instead of the whole
    /// file's index and filter (megabytes for a large flushed or bottom-level file).
    /// </summary>
    public bool PartitionedIndexAndFilters { get; init; } = true;

    /// <summary>Target size of index and filter partitions when <see cref="PartitionedIndexAndFilters"/> is on.</summary>
    public int MetadataBlockSize { get; init; } = 4096;

    /// <summary>
    /// A whole-key bloom filter per memtable (10% of <see cref="WriteBufferSize"/>), so point lookups of keys the
    /// memtables do not hold skip their skip lists. State execution looks up many absent keys.
    /// </summary>
    public bool MemtableWholeKeyFiltering { get; init; } = true;

    /// <summary>Memtable size per column family. 16 MiB gives ~16 MiB L0 files and short flushes.</summary>
    public long WriteBufferSize { get; init; } = 16 * MiB;

    /// <summary>Memtables per column family (1 active + 1 flushing) so writes do not stall during a flush.</summary>
    public int MaxWriteBufferNumber { get; init; } = 2;

    /// <summary>
    /// Budget across all memtables of all column families (0 = unlimited). With ten families the per-family
    /// sizes alone could add up to 320 MiB; the cap forces the largest memtable to flush first.
    /// </summary>
    public long DbWriteBufferSize { get; init; } = 128 * MiB;

    /// <summary>
    /// WAL size that triggers flushing the families pinning the oldest log, so rarely written families
    /// (meta, consensus) do not keep gigabytes of WAL alive and recovery stays fast.
    /// </summary>
    public long MaxTotalWalSize { get; init; } = 128 * MiB;

    /// <summary>Open SST file limit; 512 stays well inside the usual 1024 fd ulimit (-1 = unlimited).</summary>
    public int MaxOpenFiles { get; init; } = 512;

    /// <summary>Full bloom filter bits per key; 10 ≈ 1% false positives, saves disk reads for missing keys. 0 disables.</summary>
    public double BloomFilterBitsPerKey { get; init; } = 10;

    /// <summary>Data block size. 16 KiB compresses better than 4 KiB and suits mostly-sequential block data.</summary>
    public int BlockSize { get; init; } = 16 * 1024;

    /// <summary>
    /// Codec for all but the bottom level: LZ4 is nearly free in CPU. Falls back to the first supported of
    /// LZ4, Snappy, None if this build lacks it.
    /// </summary>
    public RocksCompression Compression { get; init; } = RocksCompression.Lz4;

    /// <summary>Codec for the bottom level, which holds ~90% of the data: Zstd trades a little CPU for space.</summary>
    public RocksCompression BottommostCompression { get; init; } = RocksCompression.Zstd;

    /// <summary>Size of RocksDB's background thread pools (rocksdb_options_increase_parallelism): one per core.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>Concurrent flushes + compactions. 2 on two cores: one flush never waits behind a compaction.</summary>
    public int MaxBackgroundJobs { get; init; } = 2;

    /// <summary>Throttles SST writes into 1 MiB syncs so a compaction does not stall the block-commit fsync.</summary>
    public long BytesPerSync { get; init; } = MiB;

    /// <summary>
    /// Column family name → fixed key-prefix length for a prefix extractor (enables prefix bloom filters and
    /// <see cref="IteratorOptions.PrefixSameAsStart"/>). Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, int> PrefixLengths { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Column families stored uncompressed in <see cref="PointLookupBlockSize"/> blocks. Default: the state tree's
    /// nodes, which are mostly 32-byte hashes (LZ4 spends flush and compaction CPU on them for almost no space) and
    /// are read by random point lookups, where a smaller block is less to read, cache and search per lookup.
    /// </summary>
    public IReadOnlySet<string> PointLookupColumnFamilies { get; init; } = new HashSet<string>(StringComparer.Ordinal) { DbColumns.StateNodes };

    /// <summary>Data block size of the <see cref="PointLookupColumnFamilies"/>.</summary>
    public int PointLookupBlockSize { get; init; } = 4 * 1024;

    /// <summary>Whether this RocksDB build can write the given codec (probed once per codec by opening a scratch DB).</summary>
    public static bool IsCompressionSupported(RocksCompression compression) => CompressionSupport.IsSupported(compression);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BlockCacheSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteBufferSize, 64 * 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWriteBufferNumber, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(DbWriteBufferSize);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTotalWalSize);
        if (MaxOpenFiles is < -1 or 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOpenFiles), MaxOpenFiles, "Must be -1 (unlimited) or positive.");
        }

        if (!double.IsFinite(BloomFilterBitsPerKey) || BloomFilterBitsPerKey < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BloomFilterBitsPerKey), BloomFilterBitsPerKey, "Must be finite and non-negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSize, 1024);
        if (BlockCacheShardBits is < -1 or > 19)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockCacheShardBits), BlockCacheShardBits, "Must be -1 (derive from the cache size) or 0..19.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MetadataBlockSize, 512);
        ValidateCompression(Compression, nameof(Compression));
        ValidateCompression(BottommostCompression, nameof(BottommostCompression));
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackgroundJobs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(BytesPerSync);
        ArgumentNullException.ThrowIfNull(PointLookupColumnFamilies);
        ArgumentOutOfRangeException.ThrowIfLessThan(PointLookupBlockSize, 1024);
        ArgumentNullException.ThrowIfNull(PrefixLengths);
        foreach (KeyValuePair<string, int> entry in PrefixLengths)
        {
            if (entry.Value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(PrefixLengths), entry.Value,
                    $"Prefix length for column family '{entry.Key}' must be at least 1.");
            }
        }
    }

    /// <summary>The shard bits actually used: <see cref="BlockCacheShardBits"/>, or derived as documented there.</summary>
    internal int EffectiveBlockCacheShardBits()
    {
        if (BlockCacheShardBits >= 0)
        {
            return BlockCacheShardBits;
        }

        const long minShard = 16 * MiB;
        int bits = 0;
        while (bits < 6 && BlockCacheSize >> (bits + 1) >= minShard)
        {
            bits++;
        }

        return bits;
    }

    private static void ValidateCompression(RocksCompression compression, string name)
    {
        if (!Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(name, compression, "Unknown compression type.");
        }
    }
}
