using TrustChain.Storage;

namespace TrustChain.Storage.Tests;

/// <summary>
/// Block cache sharding and partitioned index/filter blocks, read back from what RocksDB itself reports (its OPTIONS
/// file and table properties), plus point lookups of present and absent keys on a large flushed file.
/// </summary>
[TestFixture]
public sealed class TableOptionsTests : TempDirectoryFixture
{
    private const long MiB = 1024 * 1024;

    [TestCase(8 * MiB, 0)]
    [TestCase(16 * MiB, 0)]
    [TestCase(32 * MiB, 1)]
    [TestCase(128 * MiB, 3)]
    [TestCase(4096 * MiB, 6)]
    public void Derived_shard_bits_keep_every_shard_at_least_16_MiB(long cacheSize, int expected)
    {
        int bits = new RocksDbSettings { BlockCacheSize = cacheSize }.EffectiveBlockCacheShardBits();
        Assert.Multiple(() =>
        {
            Assert.That(bits, Is.EqualTo(expected));
            Assert.That(bits == 0 || cacheSize >> bits >= 16 * MiB, Is.True);
        });
    }

    [TestCase(-1, 3)]
    [TestCase(5, 5)]
    public void Rocksdb_uses_the_configured_shard_bits(int configured, int expected)
    {
        string path = Dir.Combine("db");
        using (RocksDatabase.Open(path, [DbColumns.State], new RocksDbSettings { BlockCacheShardBits = configured }))
        {
        }

        // RocksDB logs the block cache it was given with the table options of every column family.
        Assert.That(File.ReadAllText(Path.Combine(path, "LOG")), Does.Contain($"num_shard_bits : {expected}\n"));
    }

    [TestCase(true, "index_type=kTwoLevelIndexSearch", "partition_filters=true")]
    [TestCase(false, "index_type=kBinarySearch", "partition_filters=false")]
    public void Partitioning_is_recorded_in_the_options_file(bool partitioned, string index, string filters)
    {
        string path = Dir.Combine("db");
        using (RocksDatabase.Open(path, [DbColumns.State], new RocksDbSettings { PartitionedIndexAndFilters = partitioned }))
        {
        }

        string options = LatestOptionsFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(options, Does.Contain(index));
            Assert.That(options, Does.Contain(filters));
            Assert.That(options, Does.Contain("whole_key_filtering=true"));
            Assert.That(options, Does.Contain("optimize_filters_for_hits=false"), "absent-key lookups need the bottom level's filters");
        });
    }

    [TestCase(true, "memtable_whole_key_filtering=true", "memtable_prefix_bloom_size_ratio=0.100000")]
    [TestCase(false, "memtable_whole_key_filtering=false", "memtable_prefix_bloom_size_ratio=0.000000")]
    public void Memtable_bloom_is_recorded_in_the_options_file(bool enabled, string filtering, string ratio)
    {
        string path = Dir.Combine("db");
        using (RocksDatabase.Open(path, [DbColumns.State], new RocksDbSettings { MemtableWholeKeyFiltering = enabled }))
        {
        }

        string options = LatestOptionsFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(options, Does.Contain(filtering));
            Assert.That(options, Does.Contain(ratio));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Large_flushed_file_answers_present_and_absent_keys(bool partitioned)
    {
        const int keys = 60_000;
        string path = Dir.Combine("db");
        RocksDbSettings settings = new() { PartitionedIndexAndFilters = partitioned, WriteBufferSize = 64 * MiB };
        using (RocksDatabase db = RocksDatabase.Open(path, [DbColumns.State], settings))
        {
            ColumnFamily cf = db.GetColumnFamily(DbColumns.State);
            using WriteBatch batch = db.CreateWriteBatch();
            for (int i = 0; i < keys; i++)
            {
                batch.Put(cf, Key(i, present: true), BitConverter.GetBytes(i));
            }

            db.Write(batch, sync: false);
            db.Flush(cf);
        }

        using RocksDatabase reopened = RocksDatabase.Open(path, [DbColumns.State], settings);
        ColumnFamily state = reopened.GetColumnFamily(DbColumns.State);
        string properties = reopened.GetProperty(state, "rocksdb.aggregated-table-properties")!;
        int found = 0;
        int absentFound = 0;
        for (int i = 0; i < keys; i += 97)
        {
            byte[]? value = reopened.Get(state, Key(i, present: true));
            found += value is not null && BitConverter.ToInt32(value) == i ? 1 : 0;
            absentFound += reopened.Get(state, Key(i, present: false)) is null ? 0 : 1;
        }

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo((keys + 96) / 97));
            Assert.That(absentFound, Is.Zero);
            Assert.That(properties, partitioned ? Does.Match(@"# index partitions=[1-9]") : Does.Not.Match(@"# index partitions=[1-9]"));
        });
    }

    private static byte[] Key(int i, bool present)
    {
        byte[] key = new byte[32];
        BitConverter.TryWriteBytes(key.AsSpan(24), i);
        key[0] = present ? (byte)0x10 : (byte)0x11;
        // Spread the keys like hashed state keys so they land in many data blocks.
        key[1] = (byte)(i * 31);
        return key;
    }

    private static string LatestOptionsFile(string path) =>
        File.ReadAllText(Directory.GetFiles(path, "OPTIONS-*").OrderBy(static f => f, StringComparer.Ordinal).Last());
}
