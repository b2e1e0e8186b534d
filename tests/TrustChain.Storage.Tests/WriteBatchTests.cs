using System.Buffers.Binary;

namespace TrustChain.Storage.Tests;

public class WriteBatchTests
{
    private TempDirectory _dir = null!;
    private RocksDatabase _db = null!;
    private ColumnFamily _state = null!;
    private ColumnFamily _meta = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _db = RocksDatabase.Open(_dir.Combine("db"), DbColumns.All);
        _state = _db.GetColumnFamily(DbColumns.State);
        _meta = _db.GetColumnFamily(DbColumns.Meta);
    }

    [TearDown]
    public void TearDown()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Test]
    public void Batch_NothingVisibleBeforeWrite_EverythingAfter()
    {
        _db.Put(_state, "old"u8, "x"u8);
        using WriteBatch batch = _db.CreateWriteBatch();
        batch.Put(_state, "a"u8, "1"u8);
        batch.Put(_meta, "b"u8, "2"u8);
        batch.Delete(_state, "old"u8);

        Assert.That(batch.Count, Is.EqualTo(3));
        Assert.That(_db.Get(_state, "a"u8), Is.Null);
        Assert.That(_db.Get(_state, "old"u8), Is.EqualTo("x"u8.ToArray()));

        _db.Write(batch, sync: true);

        Assert.That(_db.Get(_state, "a"u8), Is.EqualTo("1"u8.ToArray()));
        Assert.That(_db.Get(_meta, "b"u8), Is.EqualTo("2"u8.ToArray()));
        Assert.That(_db.Get(_state, "old"u8), Is.Null);
    }

    [Test]
    public void Batch_CountByteSizeAndClear()
    {
        using WriteBatch batch = _db.CreateWriteBatch();
        long emptySize = batch.ByteSize;
        batch.Put(_state, new byte[10], new byte[1000]);

        Assert.That(batch.Count, Is.EqualTo(1));
        Assert.That(batch.ByteSize, Is.GreaterThanOrEqualTo(emptySize + 1010));

        batch.Clear();
        Assert.That(batch.Count, Is.Zero);
        Assert.That(batch.ByteSize, Is.EqualTo(emptySize));
        _db.Write(batch, sync: false);
        Assert.That(_db.Get(_state, new byte[10]), Is.Null);
    }

    [Test]
    public void DeleteRange_RemovesHalfOpenRangeOnly()
    {
        for (byte i = 0; i < 10; i++)
        {
            _db.Put(_state, [i], [i]);
        }

        using WriteBatch batch = _db.CreateWriteBatch();
        batch.DeleteRange(_state, [3], [7]);
        _db.Write(batch, sync: false);

        for (byte i = 0; i < 10; i++)
        {
            bool expected = i is < 3 or >= 7;
            Assert.That(_db.ContainsKey(_state, [i]), Is.EqualTo(expected), $"key {i}");
        }
    }

    [Test]
    public void DeleteRange_StartAfterEnd_ThrowsAndLeavesBatchUnchanged()
    {
        using WriteBatch batch = _db.CreateWriteBatch();
        Assert.Throws<ArgumentException>(() => batch.DeleteRange(_state, [9], [1]));
        Assert.That(batch.Count, Is.Zero);
    }

    [Test]
    public void Batch_MixingDatabases_IsRejected()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        using WriteBatch batch = _db.CreateWriteBatch();
        batch.Put(_state, "k"u8, "v"u8);

        Assert.Throws<ArgumentException>(() => batch.Put(other.GetColumnFamily(DbColumns.State), "k"u8, "v"u8));
        Assert.Throws<ArgumentException>(() => other.Write(batch, sync: false));
        Assert.That(other.Get(other.GetColumnFamily(DbColumns.State), "k"u8), Is.Null);
        Assert.That(batch.Count, Is.EqualTo(1));
    }

    /// <summary>
    /// Every batch sets all keys of a group to the same counter; a reader that observes the group through a
    /// snapshot (or an iterator) must never see a mix of two batches.
    /// </summary>
    [Test]
    public void Batch_IsAppliedAtomically_ReadersNeverSeeHalfABatch()
    {
        const int keys = 64;
        const int batches = 400;
        byte[][] groupKeys = Enumerable.Range(0, keys).Select(i => new[] { (byte)'g', (byte)i }).ToArray();
        using var done = new CancellationTokenSource();
        int observations = 0;

        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                using Snapshot snapshot = _db.CreateSnapshot();
                ulong? first = null;
                foreach (byte[] key in groupKeys)
                {
                    byte[]? value = _db.Get(_state, key, snapshot);
                    ulong current = value is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(value);
                    first ??= current;
                    Assert.That(current, Is.EqualTo(first), "snapshot saw two different batches");
                }

                using RocksIterator it = _db.CreateIterator(_state, IteratorOptions.ForPrefix("g"u8));
                ulong? seen = null;
                int count = 0;
                for (it.SeekToFirst(); it.Valid; it.Next())
                {
                    ulong current = BinaryPrimitives.ReadUInt64BigEndian(it.Value);
                    seen ??= current;
                    Assert.That(current, Is.EqualTo(seen), "iterator saw two different batches");
                    count++;
                }

                Assert.That(count, Is.EqualTo(0).Or.EqualTo(keys));
                Interlocked.Increment(ref observations);
            }
        });

        using WriteBatch batch = _db.CreateWriteBatch();
        byte[] value = new byte[8];
        for (ulong n = 1; n <= batches; n++)
        {
            batch.Clear();
            BinaryPrimitives.WriteUInt64BigEndian(value, n);
            foreach (byte[] key in groupKeys)
            {
                batch.Put(_state, key, value);
            }

            _db.Write(batch, sync: false);
        }

        done.Cancel();
        reader.GetAwaiter().GetResult();
        Assert.That(observations, Is.GreaterThan(0));
        Assert.That(_db.Get(_state, groupKeys[^1]), Is.EqualTo(value));
    }
}
