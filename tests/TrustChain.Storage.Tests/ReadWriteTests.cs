using System.Buffers;

namespace TrustChain.Storage.Tests;

public class ReadWriteTests
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

    [TestCase(1, 1)]
    [TestCase(32, 0)]
    [TestCase(0, 10)]
    [TestCase(32, 100_000)]
    [TestCase(200, 1_000_000)]
    public void PutGetDelete_RoundTripsExactBytes(int keyLength, int valueLength)
    {
        byte[] key = Pattern(keyLength, 7);
        byte[] value = Pattern(valueLength, 13);

        _db.Put(_state, key, value);
        Assert.That(_db.Get(_state, key), Is.EqualTo(value));

        _db.Delete(_state, key);
        Assert.That(_db.Get(_state, key), Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Put_Overwrite_ReturnsLatestValue(bool sync)
    {
        _db.Put(_state, "key"u8, "first"u8, sync);
        _db.Put(_state, "key"u8, "second"u8, sync);

        Assert.That(_db.Get(_state, "key"u8), Is.EqualTo("second"u8.ToArray()));
    }

    [Test]
    public void Get_MissingKey_ReturnsNull()
    {
        Assert.That(_db.Get(_state, "absent"u8), Is.Null);
        Assert.That(_db.ContainsKey(_state, "absent"u8), Is.False);
    }

    [Test]
    public void ColumnFamilies_AreIsolatedKeySpaces()
    {
        ColumnFamily blocks = _db.GetColumnFamily(DbColumns.Blocks);
        _db.Put(_state, "same"u8, "in-state"u8);
        _db.Put(blocks, "same"u8, "in-blocks"u8);

        Assert.That(_db.Get(_state, "same"u8), Is.EqualTo("in-state"u8.ToArray()));
        Assert.That(_db.Get(blocks, "same"u8), Is.EqualTo("in-blocks"u8.ToArray()));
        Assert.That(_db.Get(_db.GetColumnFamily(DbColumns.Meta), "same"u8), Is.Null);
    }

    [Test]
    public void TryGet_BufferWriter_AppendsValueOrWritesNothing()
    {
        _db.Put(_state, "a"u8, "alpha"u8);
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("prefix:"u8);

        Assert.That(_db.TryGet(_state, "a"u8, writer), Is.True);
        Assert.That(_db.TryGet(_state, "missing"u8, writer), Is.False);
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo("prefix:alpha"u8.ToArray()));
    }

    [Test]
    public void TryRead_ZeroCopy_PassesValueAndState()
    {
        byte[] value = Pattern(5000, 3);
        _db.Put(_state, "big"u8, value);
        _db.Flush(); // read back from an SST block (pinned in the block cache), not the memtable

        bool found = _db.TryRead(_state, "big"u8, 10, static (span, offset) => span[offset] + span.Length, out int result);

        Assert.That(found, Is.True);
        Assert.That(result, Is.EqualTo(value[10] + value.Length));
        Assert.That(_db.TryRead(_state, "nope"u8, 0, static (_, _) => 1, out int missing), Is.False);
        Assert.That(missing, Is.Zero);
    }

    [Test]
    public void ColumnFamilyOfOtherDatabase_IsRejectedAndChangesNothing()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        ColumnFamily foreign = other.GetColumnFamily(DbColumns.State);

        Assert.Throws<ArgumentException>(() => _db.Put(foreign, "k"u8, "v"u8));
        Assert.Throws<ArgumentException>(() => _db.Get(foreign, "k"u8));
        Assert.That(other.Get(foreign, "k"u8), Is.Null);
        Assert.That(_db.Get(_state, "k"u8), Is.Null);
    }

    internal static byte[] Pattern(int length, int seed)
    {
        byte[] bytes = new byte[length];
        uint x = (uint)seed * 2654435761u + 1;
        for (int i = 0; i < bytes.Length; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            bytes[i] = (byte)x;
        }

        return bytes;
    }
}
