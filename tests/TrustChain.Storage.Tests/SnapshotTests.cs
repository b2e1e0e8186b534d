namespace TrustChain.Storage.Tests;

public class SnapshotTests
{
    private TempDirectory _dir = null!;
    private RocksDatabase _db = null!;
    private ColumnFamily _state = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _db = RocksDatabase.Open(_dir.Combine("db"), DbColumns.All);
        _state = _db.GetColumnFamily(DbColumns.State);
    }

    [TearDown]
    public void TearDown()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Test]
    public void Snapshot_IsolatesLaterPutsDeletesAndBatches()
    {
        _db.Put(_state, "a"u8, "a0"u8);
        _db.Put(_state, "b"u8, "b0"u8);
        using Snapshot snapshot = _db.CreateSnapshot();

        _db.Put(_state, "a"u8, "a1"u8);
        _db.Delete(_state, "b"u8);
        using (WriteBatch batch = _db.CreateWriteBatch())
        {
            batch.Put(_state, "c"u8, "c1"u8);
            _db.Write(batch, sync: false);
        }

        _db.Flush();

        Assert.That(_db.Get(_state, "a"u8, snapshot), Is.EqualTo("a0"u8.ToArray()));
        Assert.That(_db.Get(_state, "b"u8, snapshot), Is.EqualTo("b0"u8.ToArray()));
        Assert.That(_db.Get(_state, "c"u8, snapshot), Is.Null);
        Assert.That(_db.Get(_state, "a"u8), Is.EqualTo("a1"u8.ToArray()));
        Assert.That(_db.Get(_state, "b"u8), Is.Null);

        using RocksIterator it = _db.CreateIterator(_state, new IteratorOptions { Snapshot = snapshot });
        var keys = new List<string>();
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            keys.Add(System.Text.Encoding.ASCII.GetString(it.Key) + "=" + System.Text.Encoding.ASCII.GetString(it.Value));
        }

        Assert.That(keys, Is.EqualTo(new[] { "a=a0", "b=b0" }));
    }

    [Test]
    public void DisposedSnapshot_IsRejected()
    {
        Snapshot snapshot = _db.CreateSnapshot();
        snapshot.Dispose();
        snapshot.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _db.Get(_state, "a"u8, snapshot));
        Assert.Throws<ObjectDisposedException>(() => _db.CreateIterator(_state, new IteratorOptions { Snapshot = snapshot }));
    }

    [Test]
    public void Iterator_KeepsSnapshotAliveAfterSnapshotDispose()
    {
        _db.Put(_state, "k"u8, "old"u8);
        Snapshot snapshot = _db.CreateSnapshot();
        using RocksIterator it = _db.CreateIterator(_state, new IteratorOptions { Snapshot = snapshot });
        snapshot.Dispose();
        _db.Put(_state, "k"u8, "new"u8);
        _db.Flush();

        it.Seek("k"u8);
        Assert.That(it.Value.ToArray(), Is.EqualTo("old"u8.ToArray()));
    }

    [Test]
    public void SnapshotOfOtherDatabase_IsRejected()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        using Snapshot foreign = other.CreateSnapshot();

        Assert.Throws<ArgumentException>(() => _db.Get(_state, "a"u8, foreign));
    }
}
