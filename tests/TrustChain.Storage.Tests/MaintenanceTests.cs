namespace TrustChain.Storage.Tests;

public class MaintenanceTests
{
    private TempDirectory _dir = null!;
    private RocksDatabase _db = null!;
    private ColumnFamily _blocks = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _db = RocksDatabase.Open(_dir.Combine("db"), DbColumns.All);
        _blocks = _db.GetColumnFamily(DbColumns.Blocks);
    }

    [TearDown]
    public void TearDown()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Test]
    public void FlushAndCompact_KeepDataAndReportSizes()
    {
        for (int i = 0; i < 2000; i++)
        {
            _db.Put(_blocks, BitConverter.GetBytes(i), ReadWriteTests.Pattern(500, i));
        }

        Assert.That(_db.GetLongProperty(_blocks, "rocksdb.num-entries-active-mem-table"), Is.EqualTo(2000));
        _db.Flush();
        Assert.That(_db.GetLongProperty(_blocks, "rocksdb.num-entries-active-mem-table"), Is.Zero);
        Assert.That(Directory.GetFiles(_db.Path, "*.sst"), Is.Not.Empty);

        _db.CompactRange(_blocks);
        _db.CompactRange(_blocks, [], [0xFF]);

        Assert.That(_db.Get(_blocks, BitConverter.GetBytes(1234)), Is.EqualTo(ReadWriteTests.Pattern(500, 1234)));
        long size = _db.GetApproximateSize(_blocks);
        // 2000 × 500 random bytes do not compress: the SST must hold roughly all of them.
        Assert.That(size, Is.InRange(800_000L, 2_000_000L));
        Assert.That(_db.GetApproximateSize(_blocks, [], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), Is.InRange(800_000L, 2_000_000L));
        Assert.That(_db.GetApproximateSize(_db.GetColumnFamily(DbColumns.Receipts)), Is.LessThan(10_000));
        Assert.That(long.Parse(_db.GetProperty(_blocks, "rocksdb.estimate-live-data-size")!), Is.InRange(800_000L, 2_000_000L));
        Assert.That(_db.BlockCacheUsage, Is.GreaterThan(0));
    }

    [Test]
    public void GetProperty_UnknownName_ReturnsNull()
    {
        Assert.That(_db.GetProperty(_blocks, "rocksdb.no-such-property"), Is.Null);
        Assert.That(_db.GetLongProperty(_blocks, "rocksdb.no-such-property"), Is.Null);
        Assert.That(_db.GetProperty(_blocks, "rocksdb.stats"), Does.Contain("Compaction Stats"));
        Assert.Throws<ArgumentException>(() => _db.GetProperty(_blocks, ""));
    }
}
