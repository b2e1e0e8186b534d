using TrustChain.Storage;

namespace TrustChain.Storage.Tests;

/// <summary>
/// The point-lookup column families (by default the state tree's nodes) are stored uncompressed in small blocks while
/// every other family keeps the configured codec and block size, as RocksDB records them in its OPTIONS file.
/// </summary>
[TestFixture]
public sealed class PointLookupColumnFamilyTests : TempDirectoryFixture
{
    [Test]
    public void State_nodes_are_uncompressed_in_4_KiB_blocks_by_default()
    {
        string path = Dir.Combine("db");
        using (RocksDatabase db = RocksDatabase.Open(path, DbColumns.All))
        {
            Assume.That(db.Compression, Is.Not.EqualTo(RocksCompression.None), "this RocksDB build compresses nothing at all");
        }

        string options = LatestOptionsFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(Section(options, "CFOptions", DbColumns.StateNodes), Does.Contain("  compression=kNoCompression\n"));
            Assert.That(Section(options, "CFOptions", DbColumns.StateNodes), Does.Contain("  bottommost_compression=kNoCompression\n"));
            Assert.That(Section(options, "TableOptions/BlockBasedTable", DbColumns.StateNodes), Does.Contain("  block_size=4096\n"));
            Assert.That(Section(options, "CFOptions", DbColumns.State), Does.Not.Contain("  compression=kNoCompression\n"));
            Assert.That(Section(options, "TableOptions/BlockBasedTable", DbColumns.State), Does.Contain("  block_size=16384\n"));
        });
    }

    [Test]
    public void Configured_families_and_block_size_apply_and_values_read_back()
    {
        string path = Dir.Combine("db");
        RocksDbSettings settings = new()
        {
            PointLookupColumnFamilies = new HashSet<string>(StringComparer.Ordinal) { DbColumns.State },
            PointLookupBlockSize = 2048,
        };
        byte[] value = new byte[300];
        new Random(5).NextBytes(value);
        using (RocksDatabase db = RocksDatabase.Open(path, [DbColumns.State, DbColumns.StateNodes], settings))
        {
            ColumnFamily state = db.GetColumnFamily(DbColumns.State);
            using (WriteBatch batch = db.CreateWriteBatch())
            {
                for (int i = 0; i < 2_000; i++)
                {
                    batch.Put(state, BitConverter.GetBytes(i), value);
                }

                db.Write(batch, sync: false);
            }

            db.Flush();
            Assert.That(db.Get(state, BitConverter.GetBytes(1_234)), Is.EqualTo(value));
        }

        string options = LatestOptionsFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(Section(options, "TableOptions/BlockBasedTable", DbColumns.State), Does.Contain("  block_size=2048\n"));
            Assert.That(Section(options, "CFOptions", DbColumns.State), Does.Contain("  compression=kNoCompression\n"));
            Assert.That(Section(options, "TableOptions/BlockBasedTable", DbColumns.StateNodes), Does.Contain("  block_size=16384\n"));
        });
    }

    [Test]
    public void A_tiny_point_lookup_block_size_is_refused()
    {
        ArgumentOutOfRangeException? error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            RocksDatabase.Open(Dir.Combine("db"), DbColumns.All, new RocksDbSettings { PointLookupBlockSize = 100 }));
        Assert.That(error!.ParamName, Is.EqualTo(nameof(RocksDbSettings.PointLookupBlockSize)));
        Assert.That(Directory.Exists(Dir.Combine("db")), Is.False);
    }

    /// <summary>The lines of one <c>[Kind "family"]</c> section of a RocksDB OPTIONS file.</summary>
    private static string Section(string options, string kind, string family)
    {
        string header = $"[{kind} \"{family}\"]";
        int start = options.IndexOf(header, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section {header}");
        int end = options.IndexOf("\n[", start + header.Length, StringComparison.Ordinal);
        return end < 0 ? options[start..] : options[start..(end + 1)];
    }

    private static string LatestOptionsFile(string path) =>
        File.ReadAllText(Directory.GetFiles(path, "OPTIONS-*").OrderBy(static f => f, StringComparer.Ordinal).Last());
}
