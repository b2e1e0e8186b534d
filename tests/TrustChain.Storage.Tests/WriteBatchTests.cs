using System.Buffers.Binary;

namespace TrustChain.Storage.Tests;

public class WriteBatchTests : RocksDbFixture
{
    private ColumnFamily _meta = null!;

    [SetUp]
    public void OpenMeta() => _meta = Db.GetColumnFamily(DbColumns.Meta);

    [Test]
    public void Batch_NothingVisibleBeforeWrite_EverythingAfter()
    {
        Db.Put(State, "old"u8, "x"u8);
        using WriteBatch batch = Db.CreateWriteBatch();
        batch.Put(State, "a"u8, "1"u8);
        batch.Put(_meta, "b"u8, "2"u8);
        batch.Delete(State, "old"u8);

        Assert.That(batch.Count, Is.EqualTo(3));
        Assert.That(Db.Get(State, "a"u8), Is.Null);
        Assert.That(Db.Get(State, "old"u8), Is.EqualTo("x"u8.ToArray()));

        Db.Write(batch, sync: true);

        Assert.That(Db.Get(State, "a"u8), Is.EqualTo("1"u8.ToArray()));
        Assert.That(Db.Get(_meta, "b"u8), Is.EqualTo("2"u8.ToArray()));
        Assert.That(Db.Get(State, "old"u8), Is.Null);
    }

    [Test]
    public void Batch_CountByteSizeAndClear()
    {
        using WriteBatch batch = Db.CreateWriteBatch();
        long emptySize = batch.ByteSize;
        batch.Put(State, new byte[10], new byte[1000]);

        Assert.That(batch.Count, Is.EqualTo(1));
        Assert.That(batch.ByteSize, Is.GreaterThanOrEqualTo(emptySize + 1010));

        batch.Clear();
        Assert.That(batch.Count, Is.Zero);
        Assert.That(batch.ByteSize, Is.EqualTo(emptySize));
        Db.Write(batch, sync: false);
        Assert.That(Db.Get(State, new byte[10]), Is.Null);
    }

    [Test]
    public void DeleteRange_RemovesHalfOpenRangeOnly()
    {
        for (byte i = 0; i < 10; i++)
        {
            Db.Put(State, [i], [i]);
        }

        using WriteBatch batch = Db.CreateWriteBatch();
        batch.DeleteRange(State, [3], [7]);
        Db.Write(batch, sync: false);

        for (byte i = 0; i < 10; i++)
        {
            bool expected = i is < 3 or >= 7;
            Assert.That(Db.ContainsKey(State, [i]), Is.EqualTo(expected), $"key {i}");
        }
    }

    [Test]
    public void DeleteRange_StartAfterEnd_ThrowsAndLeavesBatchUnchanged()
    {
        using WriteBatch batch = Db.CreateWriteBatch();
        Assert.Throws<ArgumentException>(() => batch.DeleteRange(State, [9], [1]));
        Assert.That(batch.Count, Is.Zero);
    }

    [Test]
    public void Batch_MixingDatabases_IsRejected()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        using WriteBatch batch = Db.CreateWriteBatch();
        batch.Put(State, "k"u8, "v"u8);

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
                using Snapshot snapshot = Db.CreateSnapshot();
                ulong? first = null;
                foreach (byte[] key in groupKeys)
                {
                    byte[]? value = Db.Get(State, key, snapshot);
                    ulong current = value is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(value);
                    first ??= current;
                    Assert.That(current, Is.EqualTo(first), "snapshot saw two different batches");
                }

                using RocksIterator it = Db.CreateIterator(State, IteratorOptions.ForPrefix("g"u8));
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

        using WriteBatch batch = Db.CreateWriteBatch();
        byte[] value = new byte[8];
        for (ulong n = 1; n <= batches; n++)
        {
            batch.Clear();
            BinaryPrimitives.WriteUInt64BigEndian(value, n);
            foreach (byte[] key in groupKeys)
            {
                batch.Put(State, key, value);
            }

            Db.Write(batch, sync: false);
        }

        done.Cancel();
        reader.GetAwaiter().GetResult();
        Assert.That(observations, Is.GreaterThan(0));
        Assert.That(Db.Get(State, groupKeys[^1]), Is.EqualTo(value));
    }
}
