namespace TrustChain.Storage.Native;

/// <summary>Translates <see cref="RocksDbSettings"/> into native options for one column family (and the DB).</summary>
internal static class OptionsBuilder
{
    private const int PointInTimeRecovery = 2;
    private const int BlockBasedFormatVersion = 5;
    private const int TwoLevelIndexSearch = 2;
    private const double MemtableBloomSizeRatio = 0.1;

    public static OptionsSafeHandle Build(RocksDbSettings settings, nint blockCache, int? prefixLength,
        RocksCompression compression, RocksCompression bottommostCompression, bool pointLookup = false)
    {
        if (pointLookup)
        {
            compression = RocksCompression.None;
            bottommostCompression = RocksCompression.None;
        }

        var options = new OptionsSafeHandle();
        nint opts = options.DangerousGetHandle();

        // DB-wide settings; RocksDB reads them from the options passed for the database and ignores them per family.
        RocksDbNative.OptionsSetCreateIfMissing(opts, 1);
        RocksDbNative.OptionsSetCreateMissingColumnFamilies(opts, 1);
        RocksDbNative.OptionsIncreaseParallelism(opts, settings.Parallelism);
        RocksDbNative.OptionsSetMaxBackgroundJobs(opts, settings.MaxBackgroundJobs);
        RocksDbNative.OptionsSetMaxOpenFiles(opts, settings.MaxOpenFiles);
        RocksDbNative.OptionsSetDbWriteBufferSize(opts, (nuint)settings.DbWriteBufferSize);
        RocksDbNative.OptionsSetMaxTotalWalSize(opts, (ulong)settings.MaxTotalWalSize);
        RocksDbNative.OptionsSetBytesPerSync(opts, (ulong)settings.BytesPerSync);
        RocksDbNative.OptionsSetKeepLogFileNum(opts, 5);
        RocksDbNative.OptionsSetMaxLogFileSize(opts, 8 * 1024 * 1024);
        // Recover to the last consistent point of the WAL: a torn tail after kill -9 is dropped, never applied.
        RocksDbNative.OptionsSetWalRecoveryMode(opts, PointInTimeRecovery);

        // Column-family settings.
        RocksDbNative.OptionsSetWriteBufferSize(opts, (nuint)settings.WriteBufferSize);
        RocksDbNative.OptionsSetMaxWriteBufferNumber(opts, settings.MaxWriteBufferNumber);
        RocksDbNative.OptionsSetCompression(opts, (int)compression);
        RocksDbNative.OptionsSetBottommostCompression(opts, (int)bottommostCompression);
        RocksDbNative.OptionsSetLevelCompactionDynamicLevelBytes(opts, 1);
        if (prefixLength is { } length)
        {
            // Ownership of the transform passes to the options (shared_ptr).
            RocksDbNative.OptionsSetPrefixExtractor(opts, RocksDbNative.SliceTransformCreateFixedPrefix((nuint)length));
        }

        if (prefixLength is not null || settings.MemtableWholeKeyFiltering)
        {
            RocksDbNative.OptionsSetMemtablePrefixBloomSizeRatio(opts, MemtableBloomSizeRatio);
        }

        if (settings.MemtableWholeKeyFiltering)
        {
            // A get of an absent key (a new storage slot, a new tree node) otherwise walks both memtables' skip lists.
            RocksDbNative.OptionsSetMemtableWholeKeyFiltering(opts, 1);
        }

        using var table = new BlockBasedTableOptionsSafeHandle();
        nint tableOpts = table.DangerousGetHandle();
        RocksDbNative.BlockBasedOptionsSetBlockSize(tableOpts, (nuint)(pointLookup ? settings.PointLookupBlockSize : settings.BlockSize));
        RocksDbNative.BlockBasedOptionsSetBlockCache(tableOpts, blockCache);
        RocksDbNative.BlockBasedOptionsSetFormatVersion(tableOpts, BlockBasedFormatVersion);
        // Index and filter blocks count against the cache so memory stays bounded as the DB grows;
        // L0 ones are pinned because every read touches them.
        RocksDbNative.BlockBasedOptionsSetCacheIndexAndFilterBlocks(tableOpts, 1);
        RocksDbNative.BlockBasedOptionsSetPinL0FilterAndIndexBlocksInCache(tableOpts, 1);
        if (settings.BloomFilterBitsPerKey > 0)
        {
            // Ownership of the policy passes to the table options (shared_ptr).
            RocksDbNative.BlockBasedOptionsSetFilterPolicy(tableOpts,
                RocksDbNative.FilterPolicyCreateBloomFull(settings.BloomFilterBitsPerKey));
        }

        RocksDbNative.BlockBasedOptionsSetCacheIndexAndFilterBlocksWithHighPriority(tableOpts, 1);
        if (settings.PartitionedIndexAndFilters)
        {
            // A flush of one large batch (a genesis, a bulk load) writes one big SST file that a trivial move puts on
            // the bottom level, where L0 pinning no longer applies: without partitions every lookup needs its whole
            // multi-megabyte index and filter. Partitioned, a lookup touches one small partition of each, and only
            // the top-level index stays pinned.
            RocksDbNative.BlockBasedOptionsSetIndexType(tableOpts, TwoLevelIndexSearch);
            RocksDbNative.BlockBasedOptionsSetPartitionFilters(tableOpts, 1);
            RocksDbNative.BlockBasedOptionsSetMetadataBlockSize(tableOpts, (ulong)settings.MetadataBlockSize);
            RocksDbNative.BlockBasedOptionsSetPinTopLevelIndexAndFilter(tableOpts, 1);
        }

        // Whole-key (not prefix) bloom: state lookups are point gets, many of them for absent keys (new slots).
        RocksDbNative.BlockBasedOptionsSetWholeKeyFiltering(tableOpts, 1);
        RocksDbNative.OptionsSetBlockBasedTableFactory(opts, tableOpts);
        return options;
    }
}
