using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrustChain.Storage.CrashProbe;

/// <summary>
/// The deterministic content of crash-test block <c>h</c>: 50 state entries whose keys and values are derived
/// from the height, a block record in "blocks" and the head pointer in "meta", all in one write batch.
/// Shared (as linked source) with the test that verifies the database after each kill.
/// </summary>
public static class CrashBlock
{
    public const int KeysPerBlock = 50;

    public static IReadOnlyList<string> Columns { get; } = [DbColumns.Default, DbColumns.State, DbColumns.Blocks, DbColumns.Meta];

    public static ReadOnlySpan<byte> HeadKey => "head"u8;

    public static byte[] StateKey(ulong height, int index) => Digest((byte)'k', height, index);

    public static byte[] StateValue(ulong height, int index)
    {
        byte[] seed = Digest((byte)'v', height, index);
        // Variable length (16..271 bytes) so values straddle block boundaries differently.
        byte[] value = new byte[16 + seed[0]];
        for (int offset = 0; offset < value.Length; offset += seed.Length)
        {
            seed.AsSpan(0, Math.Min(seed.Length, value.Length - offset)).CopyTo(value.AsSpan(offset));
        }

        return value;
    }

    public static byte[] BlockKey(ulong height)
    {
        byte[] key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, height);
        return key;
    }

    /// <summary>Hash of all the block's state entries followed by the height.</summary>
    public static byte[] BlockRecord(ulong height)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < KeysPerBlock; i++)
        {
            hash.AppendData(StateKey(height, i));
            hash.AppendData(StateValue(height, i));
        }

        byte[] record = new byte[32 + 8];
        hash.GetHashAndReset(record);
        BinaryPrimitives.WriteUInt64BigEndian(record.AsSpan(32), height);
        return record;
    }

    public static void Fill(WriteBatch batch, ulong height, RocksDatabase db)
    {
        ColumnFamily state = db.GetColumnFamily(DbColumns.State);
        for (int i = 0; i < KeysPerBlock; i++)
        {
            batch.Put(state, StateKey(height, i), StateValue(height, i));
        }

        batch.Put(db.GetColumnFamily(DbColumns.Blocks), BlockKey(height), BlockRecord(height));
        batch.Put(db.GetColumnFamily(DbColumns.Meta), HeadKey, BlockKey(height));
    }

    /// <summary>The committed head, or 0 when no block has been committed yet.</summary>
    public static ulong ReadHead(RocksDatabase db)
    {
        byte[]? head = db.Get(db.GetColumnFamily(DbColumns.Meta), HeadKey);
        if (head is null)
        {
            return 0;
        }

        if (head.Length != 8)
        {
            throw new InvalidDataException($"Head record has {head.Length} bytes, expected 8.");
        }

        return BinaryPrimitives.ReadUInt64BigEndian(head);
    }

    private static byte[] Digest(byte domain, ulong height, int index)
    {
        Span<byte> input = stackalloc byte[1 + 8 + 4];
        input[0] = domain;
        BinaryPrimitives.WriteUInt64BigEndian(input[1..], height);
        BinaryPrimitives.WriteInt32BigEndian(input[9..], index);
        return SHA256.HashData(input);
    }
}
