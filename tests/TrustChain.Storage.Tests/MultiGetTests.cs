namespace TrustChain.Storage.Tests;

/// <summary>The batched lookup answers exactly what one get per key answers, from memtables and SST files alike.</summary>
[TestFixture]
public sealed class MultiGetTests : RocksDbFixture
{
    [TestCase(false)]
    [TestCase(true)]
    public void Values_equal_single_gets_for_present_absent_deleted_and_repeated_keys(bool flushed)
    {
        Random random = new(7);
        byte[][] keys = new byte[300][];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = new byte[32];
            random.NextBytes(keys[i]);
            if (i % 3 != 0)
            {
                byte[] value = new byte[i % 50];
                random.NextBytes(value);
                Db.Put(State, keys[i], value);
            }
        }

        Db.Delete(State, keys[1]);
        keys[299] = keys[2];
        if (flushed)
        {
            Db.Flush(State);
        }

        byte[] packed = keys.SelectMany(static k => k).ToArray();
        byte[]?[] values = new byte[keys.Length][];
        Db.MultiGet(State, packed, 32, values);

        Assert.Multiple(() =>
        {
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.That(values[i], Is.EqualTo(Db.Get(State, keys[i])), $"key {i}");
            }

            Assert.That(values[0], Is.Null);
            Assert.That(values[1], Is.Null, "deleted");
            Assert.That(values[299], Is.EqualTo(values[2]), "a repeated key");
        });
    }

    [Test]
    public void Snapshot_reads_the_values_as_of_the_snapshot()
    {
        byte[] key = new byte[32];
        Db.Put(State, key, [1]);
        using Snapshot snapshot = Db.CreateSnapshot();
        Db.Put(State, key, [2]);
        byte[]?[] values = new byte[1][];

        Db.MultiGet(State, key, 32, values, snapshot);

        Assert.That(values[0], Is.EqualTo(new byte[] { 1 }));
    }

    [TestCase(31, 2)]
    [TestCase(65, 2)]
    [TestCase(0, 1)]
    public void Key_buffer_of_the_wrong_length_throws_before_reading(int bufferLength, int count)
    {
        byte[]?[] values = new byte[count][];
        Assert.Throws<ArgumentException>(() => Db.MultiGet(State, new byte[bufferLength], 32, values));
    }

    [Test]
    public void Zero_key_length_throws_and_no_keys_read_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Db.MultiGet(State, [], 0, new byte[1][]));
        Assert.DoesNotThrow(() => Db.MultiGet(State, [], 32, []));
    }
}
