using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Raw bindings to the RocksDB 7.8 C API (rocksdb/c.h). Every native object is represented by an
/// <see cref="nint"/> here; ownership lives in the SafeHandle subclasses of this namespace, which are the only
/// callers of the destroy/close functions. Errors come back through a <c>char** errptr</c> that must point to
/// NULL on entry; use <see cref="NativeError.ThrowIfSet"/> on it afterwards.
/// </summary>
internal static unsafe partial class RocksDbNative
{
    public const string LibraryName = "rocksdb";

    // ---- database ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_open_column_families")]
    public static partial nint OpenColumnFamilies(nint options, byte* name, int count, byte** names, nint* cfOptions,
        nint* cfHandles, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_list_column_families")]
    public static partial byte** ListColumnFamilies(nint options, byte* name, nuint* count, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_list_column_families_destroy")]
    public static partial void ListColumnFamiliesDestroy(byte** list, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_column_family_handle_destroy")]
    public static partial void ColumnFamilyHandleDestroy(nint handle);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_close")]
    public static partial void Close(nint db);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_free")]
    public static partial void Free(nint ptr);

    // ---- reads and writes ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_get_pinned_cf")]
    public static partial nint GetPinnedCf(nint db, nint readOptions, nint cf, byte* key, nuint keyLength, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_batched_multi_get_cf")]
    public static partial void BatchedMultiGetCf(nint db, nint readOptions, nint cf, nuint count, byte** keys, nuint* keySizes,
        nint* values, nint* errors, byte sortedInput);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_pinnableslice_value")]
    public static partial byte* PinnableSliceValue(nint slice, nuint* length);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_pinnableslice_destroy")]
    public static partial void PinnableSliceDestroy(nint slice);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_put_cf")]
    public static partial void PutCf(nint db, nint writeOptions, nint cf, byte* key, nuint keyLength, byte* value,
        nuint valueLength, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_delete_cf")]
    public static partial void DeleteCf(nint db, nint writeOptions, nint cf, byte* key, nuint keyLength, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_write")]
    public static partial void Write(nint db, nint writeOptions, nint batch, nint* errptr);

    // ---- snapshots ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_create_snapshot")]
    public static partial nint CreateSnapshot(nint db);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_release_snapshot")]
    public static partial void ReleaseSnapshot(nint db, nint snapshot);

    // ---- maintenance and metrics ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_flush_cf")]
    public static partial void FlushCf(nint db, nint flushOptions, nint cf, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_compact_range_cf")]
    public static partial void CompactRangeCf(nint db, nint cf, byte* start, nuint startLength, byte* limit,
        nuint limitLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_property_value_cf")]
    public static partial nint PropertyValueCf(nint db, nint cf, byte* name);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_property_int_cf")]
    public static partial int PropertyIntCf(nint db, nint cf, byte* name, ulong* value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_approximate_sizes_cf")]
    public static partial void ApproximateSizesCf(nint db, nint cf, int count, byte** starts, nuint* startLengths,
        byte** limits, nuint* limitLengths, ulong* sizes, nint* errptr);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_flushoptions_create")]
    public static partial nint FlushOptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_flushoptions_destroy")]
    public static partial void FlushOptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_flushoptions_set_wait")]
    public static partial void FlushOptionsSetWait(nint options, byte wait);

    // ---- iterators ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_create_iterator_cf")]
    public static partial nint CreateIteratorCf(nint db, nint readOptions, nint cf);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_destroy")]
    public static partial void IterDestroy(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_valid")]
    public static partial byte IterValid(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_seek_to_first")]
    public static partial void IterSeekToFirst(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_seek_to_last")]
    public static partial void IterSeekToLast(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_seek")]
    public static partial void IterSeek(nint iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_seek_for_prev")]
    public static partial void IterSeekForPrev(nint iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_next")]
    public static partial void IterNext(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_prev")]
    public static partial void IterPrev(nint iterator);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_key")]
    public static partial byte* IterKey(nint iterator, nuint* length);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_value")]
    public static partial byte* IterValue(nint iterator, nuint* length);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_iter_get_error")]
    public static partial void IterGetError(nint iterator, nint* errptr);

    // ---- write batches ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_create")]
    public static partial nint WriteBatchCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_destroy")]
    public static partial void WriteBatchDestroy(nint batch);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_clear")]
    public static partial void WriteBatchClear(nint batch);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_count")]
    public static partial int WriteBatchCount(nint batch);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_put_cf")]
    public static partial void WriteBatchPutCf(nint batch, nint cf, byte* key, nuint keyLength, byte* value,
        nuint valueLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_delete_cf")]
    public static partial void WriteBatchDeleteCf(nint batch, nint cf, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_delete_range_cf")]
    public static partial void WriteBatchDeleteRangeCf(nint batch, nint cf, byte* start, nuint startLength, byte* end,
        nuint endLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writebatch_data")]
    public static partial byte* WriteBatchData(nint batch, nuint* size);

    // ---- read / write options ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_create")]
    public static partial nint ReadOptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_destroy")]
    public static partial void ReadOptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_snapshot")]
    public static partial void ReadOptionsSetSnapshot(nint options, nint snapshot);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_iterate_upper_bound")]
    public static partial void ReadOptionsSetIterateUpperBound(nint options, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_iterate_lower_bound")]
    public static partial void ReadOptionsSetIterateLowerBound(nint options, byte* key, nuint keyLength);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_prefix_same_as_start")]
    public static partial void ReadOptionsSetPrefixSameAsStart(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_total_order_seek")]
    public static partial void ReadOptionsSetTotalOrderSeek(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_readoptions_set_fill_cache")]
    public static partial void ReadOptionsSetFillCache(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writeoptions_create")]
    public static partial nint WriteOptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writeoptions_destroy")]
    public static partial void WriteOptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_writeoptions_set_sync")]
    public static partial void WriteOptionsSetSync(nint options, byte sync);

    // ---- DB / column family options ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_create")]
    public static partial nint OptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_destroy")]
    public static partial void OptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_create_if_missing")]
    public static partial void OptionsSetCreateIfMissing(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_create_missing_column_families")]
    public static partial void OptionsSetCreateMissingColumnFamilies(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_increase_parallelism")]
    public static partial void OptionsIncreaseParallelism(nint options, int totalThreads);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_max_background_jobs")]
    public static partial void OptionsSetMaxBackgroundJobs(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_write_buffer_size")]
    public static partial void OptionsSetWriteBufferSize(nint options, nuint value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_db_write_buffer_size")]
    public static partial void OptionsSetDbWriteBufferSize(nint options, nuint value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_max_write_buffer_number")]
    public static partial void OptionsSetMaxWriteBufferNumber(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_max_total_wal_size")]
    public static partial void OptionsSetMaxTotalWalSize(nint options, ulong value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_max_open_files")]
    public static partial void OptionsSetMaxOpenFiles(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_compression")]
    public static partial void OptionsSetCompression(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_bottommost_compression")]
    public static partial void OptionsSetBottommostCompression(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_level_compaction_dynamic_level_bytes")]
    public static partial void OptionsSetLevelCompactionDynamicLevelBytes(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_bytes_per_sync")]
    public static partial void OptionsSetBytesPerSync(nint options, ulong value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_keep_log_file_num")]
    public static partial void OptionsSetKeepLogFileNum(nint options, nuint value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_max_log_file_size")]
    public static partial void OptionsSetMaxLogFileSize(nint options, nuint value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_wal_recovery_mode")]
    public static partial void OptionsSetWalRecoveryMode(nint options, int mode);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_prefix_extractor")]
    public static partial void OptionsSetPrefixExtractor(nint options, nint sliceTransform);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_memtable_prefix_bloom_size_ratio")]
    public static partial void OptionsSetMemtablePrefixBloomSizeRatio(nint options, double ratio);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_memtable_whole_key_filtering")]
    public static partial void OptionsSetMemtableWholeKeyFiltering(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_options_set_block_based_table_factory")]
    public static partial void OptionsSetBlockBasedTableFactory(nint options, nint tableOptions);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_slicetransform_create_fixed_prefix")]
    public static partial nint SliceTransformCreateFixedPrefix(nuint length);

    // ---- block-based table / cache / filter ----

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_create")]
    public static partial nint BlockBasedOptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_destroy")]
    public static partial void BlockBasedOptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_block_size")]
    public static partial void BlockBasedOptionsSetBlockSize(nint options, nuint value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_block_cache")]
    public static partial void BlockBasedOptionsSetBlockCache(nint options, nint cache);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_filter_policy")]
    public static partial void BlockBasedOptionsSetFilterPolicy(nint options, nint policy);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_cache_index_and_filter_blocks")]
    public static partial void BlockBasedOptionsSetCacheIndexAndFilterBlocks(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache")]
    public static partial void BlockBasedOptionsSetPinL0FilterAndIndexBlocksInCache(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_format_version")]
    public static partial void BlockBasedOptionsSetFormatVersion(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_whole_key_filtering")]
    public static partial void BlockBasedOptionsSetWholeKeyFiltering(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_index_type")]
    public static partial void BlockBasedOptionsSetIndexType(nint options, int value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_partition_filters")]
    public static partial void BlockBasedOptionsSetPartitionFilters(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_metadata_block_size")]
    public static partial void BlockBasedOptionsSetMetadataBlockSize(nint options, ulong value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_pin_top_level_index_and_filter")]
    public static partial void BlockBasedOptionsSetPinTopLevelIndexAndFilter(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_block_based_options_set_cache_index_and_filter_blocks_with_high_priority")]
    public static partial void BlockBasedOptionsSetCacheIndexAndFilterBlocksWithHighPriority(nint options, byte value);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_filterpolicy_create_bloom_full")]
    public static partial nint FilterPolicyCreateBloomFull(double bitsPerKey);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_cache_create_lru")]
    public static partial nint CacheCreateLru(nuint capacity);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_lru_cache_options_create")]
    public static partial nint LruCacheOptionsCreate();

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_lru_cache_options_destroy")]
    public static partial void LruCacheOptionsDestroy(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_lru_cache_options_set_capacity")]
    public static partial void LruCacheOptionsSetCapacity(nint options, nuint capacity);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_lru_cache_options_set_num_shard_bits")]
    public static partial void LruCacheOptionsSetNumShardBits(nint options, int bits);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_cache_create_lru_opts")]
    public static partial nint CacheCreateLruOpts(nint options);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_cache_destroy")]
    public static partial void CacheDestroy(nint cache);

    [LibraryImport(LibraryName, EntryPoint = "rocksdb_cache_get_usage")]
    public static partial nuint CacheGetUsage(nint cache);
}
