namespace TrustChain.Storage.Tests;

public class SnapshotTests : RocksDbFixture
{
    [Test]
    public void Snapshot_IsolatesLaterPutsDeletesAndBatches()
    {
        Db.Put(State, "a"u8, "a0"u8);
        Db.Put(State, "b"u8, "b0"u8);
        using Snapshot snapshot = Db.CreateSnapshot();

        Db.Put(State, "a"u8, "a1"u8);
        Db.Delete(State, "b"u8);
        using (WriteBatch batch = Db.CreateWriteBatch())
        {
            batch.Put(State, "c"u8, "c1"u8);
            Db.Write(batch, sync: false);
        }

        Db.Flush();

        Assert.That(Db.Get(State, "a"u8, snapshot), Is.EqualTo("a0"u8.ToArray()));
        Assert.That(Db.Get(State, "b"u8, snapshot), Is.EqualTo("b0"u8.ToArray()));
        Assert.That(Db.Get(State, "c"u8, snapshot), Is.Null);
        Assert.That(Db.Get(State, "a"u8), Is.EqualTo("a1"u8.ToArray()));
        Assert.That(Db.Get(State, "b"u8), Is.Null);

        using RocksIterator it = Db.CreateIterator(State, new IteratorOptions { Snapshot = snapshot });
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
        Snapshot snapshot = Db.CreateSnapshot();
        snapshot.Dispose();
        snapshot.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Db.Get(State, "a"u8, snapshot));
        Assert.Throws<ObjectDisposedException>(() => Db.CreateIterator(State, new IteratorOptions { Snapshot = snapshot }));
    }

    [Test]
    public void Iterator_KeepsSnapshotAliveAfterSnapshotDispose()
    {
        Db.Put(State, "k"u8, "old"u8);
        Snapshot snapshot = Db.CreateSnapshot();
        using RocksIterator it = Db.CreateIterator(State, new IteratorOptions { Snapshot = snapshot });
        snapshot.Dispose();
        Db.Put(State, "k"u8, "new"u8);
        Db.Flush();

        it.Seek("k"u8);
        Assert.That(it.Value.ToArray(), Is.EqualTo("old"u8.ToArray()));
    }

    [Test]
    public void SnapshotOfOtherDatabase_IsRejected()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        using Snapshot foreign = other.CreateSnapshot();

        Assert.Throws<ArgumentException>(() => Db.Get(State, "a"u8, foreign));
    }
}
