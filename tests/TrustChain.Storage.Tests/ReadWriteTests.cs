using System.Buffers;

namespace TrustChain.Storage.Tests;

public class ReadWriteTests : RocksDbFixture
{
    [TestCase(1, 1)]
    [TestCase(32, 0)]
    [TestCase(0, 10)]
    [TestCase(32, 100_000)]
    [TestCase(200, 1_000_000)]
    public void PutGetDelete_RoundTripsExactBytes(int keyLength, int valueLength)
    {
        byte[] key = Pattern(keyLength, 7);
        byte[] value = Pattern(valueLength, 13);

        Db.Put(State, key, value);
        Assert.That(Db.Get(State, key), Is.EqualTo(value));

        Db.Delete(State, key);
        Assert.That(Db.Get(State, key), Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Put_Overwrite_ReturnsLatestValue(bool sync)
    {
        Db.Put(State, "key"u8, "first"u8, sync);
        Db.Put(State, "key"u8, "second"u8, sync);

        Assert.That(Db.Get(State, "key"u8), Is.EqualTo("second"u8.ToArray()));
    }

    [Test]
    public void Get_MissingKey_ReturnsNull()
    {
        Assert.That(Db.Get(State, "absent"u8), Is.Null);
        Assert.That(Db.ContainsKey(State, "absent"u8), Is.False);
    }

    [Test]
    public void ColumnFamilies_AreIsolatedKeySpaces()
    {
        ColumnFamily blocks = Db.GetColumnFamily(DbColumns.Blocks);
        Db.Put(State, "same"u8, "in-state"u8);
        Db.Put(blocks, "same"u8, "in-blocks"u8);

        Assert.That(Db.Get(State, "same"u8), Is.EqualTo("in-state"u8.ToArray()));
        Assert.That(Db.Get(blocks, "same"u8), Is.EqualTo("in-blocks"u8.ToArray()));
        Assert.That(Db.Get(Db.GetColumnFamily(DbColumns.Meta), "same"u8), Is.Null);
    }

    [Test]
    public void TryGet_BufferWriter_AppendsValueOrWritesNothing()
    {
        Db.Put(State, "a"u8, "alpha"u8);
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("prefix:"u8);

        Assert.That(Db.TryGet(State, "a"u8, writer), Is.True);
        Assert.That(Db.TryGet(State, "missing"u8, writer), Is.False);
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo("prefix:alpha"u8.ToArray()));
    }

    [Test]
    public void TryRead_ZeroCopy_PassesValueAndState()
    {
        byte[] value = Pattern(5000, 3);
        Db.Put(State, "big"u8, value);
        Db.Flush(); // read back from an SST block (pinned in the block cache), not the memtable

        bool found = Db.TryRead(State, "big"u8, 10, static (span, offset) => span[offset] + span.Length, out int result);

        Assert.That(found, Is.True);
        Assert.That(result, Is.EqualTo(value[10] + value.Length));
        Assert.That(Db.TryRead(State, "nope"u8, 0, static (_, _) => 1, out int missing), Is.False);
        Assert.That(missing, Is.Zero);
    }

    [Test]
    public void ColumnFamilyOfOtherDatabase_IsRejectedAndChangesNothing()
    {
        using var otherDir = new TempDirectory();
        using var other = RocksDatabase.Open(otherDir.Combine("db"), DbColumns.All);
        ColumnFamily foreign = other.GetColumnFamily(DbColumns.State);

        Assert.Throws<ArgumentException>(() => Db.Put(foreign, "k"u8, "v"u8));
        Assert.Throws<ArgumentException>(() => Db.Get(foreign, "k"u8));
        Assert.That(other.Get(foreign, "k"u8), Is.Null);
        Assert.That(Db.Get(State, "k"u8), Is.Null);
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
