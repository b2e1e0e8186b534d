using System.Buffers.Binary;

namespace TrustChain.Storage.Tests;

public class ConcurrencyTests
{
    [Test]
    public void ConcurrentReadersAndWriter_ReadersSeeAbsentOrExactValue()
    {
        using var dir = new TempDirectory();
        using var db = RocksDatabase.Open(dir.Combine("db"), DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        const int count = 5000;
        int written = 0;
        using var done = new CancellationTokenSource();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();

        Task[] readers = Enumerable.Range(0, 3).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            byte[] key = new byte[4];
            while (!done.IsCancellationRequested)
            {
                int bound = Volatile.Read(ref written);
                int i = random.Next(count);
                BinaryPrimitives.WriteInt32BigEndian(key, i);
                byte[]? value = db.Get(state, key);
                if (i < bound && value is null)
                {
                    errors.Enqueue($"key {i} missing after it was written");
                }
                else if (value is not null && !value.AsSpan().SequenceEqual(ValueFor(i)))
                {
                    errors.Enqueue($"key {i} has a wrong value");
                }
            }
        })).ToArray();

        byte[] writeKey = new byte[4];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(writeKey, i);
            db.Put(state, writeKey, ValueFor(i));
            Volatile.Write(ref written, i + 1);
        }

        done.Cancel();
        Task.WaitAll(readers);
        Assert.That(errors, Is.Empty);

        using RocksIterator it = db.CreateIterator(state);
        int seen = 0;
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(it.Key), Is.EqualTo(seen));
            seen++;
        }

        Assert.That(seen, Is.EqualTo(count));
    }

    [Test]
    public void ConcurrentBatchWriters_AllBatchesLand()
    {
        using var dir = new TempDirectory();
        using var db = RocksDatabase.Open(dir.Combine("db"), DbColumns.All);
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);

        Parallel.For(0, 4, writer =>
        {
            using WriteBatch batch = db.CreateWriteBatch();
            for (int n = 0; n < 100; n++)
            {
                batch.Clear();
                for (int k = 0; k < 10; k++)
                {
                    batch.Put(state, [(byte)writer, (byte)n, (byte)k], [(byte)(writer ^ n ^ k)]);
                }

                db.Write(batch, sync: false);
            }
        });

        Assert.That(db.GetLongProperty(state, "rocksdb.estimate-num-keys"), Is.EqualTo(4 * 100 * 10));
        Assert.That(db.Get(state, [3, 99, 9]), Is.EqualTo(new[] { (byte)(3 ^ 99 ^ 9) }));
    }

    private static byte[] ValueFor(int i) => ReadWriteTests.Pattern(8 + i % 64, i);
}
