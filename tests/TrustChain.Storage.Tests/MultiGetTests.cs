namespace TrustChain.Storage.Tests;

/// <summary>The batched lookup answers exactly what one get per key answers, from memtables and SST files alike.</summary>
[TestFixture]
public sealed class MultiGetTests
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
                _db.Put(_state, keys[i], value);
            }
        }

        _db.Delete(_state, keys[1]);
        keys[299] = keys[2];
        if (flushed)
        {
            _db.Flush(_state);
        }

        byte[] packed = keys.SelectMany(static k => k).ToArray();
        byte[]?[] values = new byte[keys.Length][];
        _db.MultiGet(_state, packed, 32, values);

        Assert.Multiple(() =>
        {
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.That(values[i], Is.EqualTo(_db.Get(_state, keys[i])), $"key {i}");
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
        _db.Put(_state, key, [1]);
        using Snapshot snapshot = _db.CreateSnapshot();
        _db.Put(_state, key, [2]);
        byte[]?[] values = new byte[1][];

        _db.MultiGet(_state, key, 32, values, snapshot);

        Assert.That(values[0], Is.EqualTo(new byte[] { 1 }));
    }

    [TestCase(31, 2)]
    [TestCase(65, 2)]
    [TestCase(0, 1)]
    public void Key_buffer_of_the_wrong_length_throws_before_reading(int bufferLength, int count)
    {
        byte[]?[] values = new byte[count][];
        Assert.Throws<ArgumentException>(() => _db.MultiGet(_state, new byte[bufferLength], 32, values));
    }

    [Test]
    public void Zero_key_length_throws_and_no_keys_read_nothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _db.MultiGet(_state, [], 0, new byte[1][]));
        Assert.DoesNotThrow(() => _db.MultiGet(_state, [], 32, []));
    }
}
