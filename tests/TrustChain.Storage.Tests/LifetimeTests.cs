namespace TrustChain.Storage.Tests;

public class LifetimeTests : TempDirectoryFixture
{
    [Test]
    public void DisposeTwice_IsSafeForEveryType()
    {
        var db = RocksDatabase.Open(Dir.Combine("db"), DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        WriteBatch batch = db.CreateWriteBatch();
        RocksIterator it = db.CreateIterator(state);
        Snapshot snapshot = db.CreateSnapshot();

        Assert.DoesNotThrow(() =>
        {
            it.Dispose();
            it.Dispose();
            snapshot.Dispose();
            snapshot.Dispose();
            batch.Dispose();
            batch.Dispose();
            db.Dispose();
            db.Dispose();
        });
    }

    [Test]
    public void UseAfterDispose_ThrowsObjectDisposed()
    {
        var db = RocksDatabase.Open(Dir.Combine("db"), DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        WriteBatch batch = db.CreateWriteBatch();
        RocksIterator it = db.CreateIterator(state);
        it.Dispose();
        batch.Dispose();
        db.Dispose();

        Assert.Throws<ObjectDisposedException>(() => db.Get(state, "k"u8));
        Assert.Throws<ObjectDisposedException>(() => db.Put(state, "k"u8, "v"u8));
        Assert.Throws<ObjectDisposedException>(() => db.CreateIterator(state));
        Assert.Throws<ObjectDisposedException>(() => db.CreateSnapshot());
        Assert.Throws<ObjectDisposedException>(() => db.Flush());
        Assert.Throws<ObjectDisposedException>(() => batch.Put(state, "k"u8, "v"u8));
        Assert.Throws<ObjectDisposedException>(it.SeekToFirst);
        Assert.That(it.Valid, Is.False);
    }

    [Test]
    public void LiveIterator_DefersCloseUntilItIsDisposed()
    {
        string path = Dir.Combine("db");
        var db = RocksDatabase.Open(path, DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        db.Put(state, "k"u8, "v"u8);
        RocksIterator it = db.CreateIterator(state);
        db.Dispose();

        // The native DB is still open underneath the iterator: it keeps working and still holds the lock.
        it.SeekToFirst();
        Assert.That(it.Value.ToArray(), Is.EqualTo("v"u8.ToArray()));
        Assert.Throws<RocksDbException>(() => RocksDatabase.Open(path, DbColumns.All));

        it.Dispose();
        using var reopened = RocksDatabase.Open(path, DbColumns.All);
        Assert.That(reopened.Get(reopened.GetColumnFamily(DbColumns.State), "k"u8), Is.EqualTo("v"u8.ToArray()));
    }

    [Test]
    public void DisposeWhileReadersRun_ReadersSeeValuesOrObjectDisposed()
    {
        var db = RocksDatabase.Open(Dir.Combine("db"), DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        byte[] value = ReadWriteTests.Pattern(300, 1);
        db.Put(state, "k"u8, value);
        using var started = new CountdownEvent(2);
        int reads = 0;

        Task[] readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            started.Signal();
            try
            {
                while (true)
                {
                    Assert.That(db.Get(state, "k"u8), Is.EqualTo(value));
                    Interlocked.Increment(ref reads);
                }
            }
            catch (ObjectDisposedException)
            {
                // Expected once Dispose wins the race.
            }
        })).ToArray();

        started.Wait();
        SpinWait.SpinUntil(() => Volatile.Read(ref reads) > 1000, TimeSpan.FromSeconds(10));
        db.Dispose();

        Assert.That(Task.WaitAll(readers, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(reads, Is.GreaterThan(0));
    }
}
