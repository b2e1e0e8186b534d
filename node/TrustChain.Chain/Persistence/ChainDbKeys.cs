using System.Buffers.Binary;
using System.Text;
using TrustChain.Core;

namespace TrustChain.Chain.Persistence;

/// <summary>
/// Key layout of the block store. Numbers are big-endian so byte-wise RocksDB order equals numeric order.
/// <list type="bullet">
/// <item>headers: hash(32) → header RLP; number(8) → canonical hash</item>
/// <item>blocks: hash(32) → block RLP; 'c' || number(8) → the commit that finalised that block</item>
/// <item>receipts: hash(32) → stored receipts of the block</item>
/// <item>txindex: tx hash(32) → number(8) || index(4)</item>
/// <item>logindex: see <see cref="LogIndex"/></item>
/// <item>meta: "head" → head hash, "genesis" → genesis hash</item>
/// </list>
/// </summary>
public static class ChainDbKeys
{
    public const int NumberLength = sizeof(ulong);

    private const byte CommitPrefix = (byte)'c';

    public static readonly byte[] Head = Encoding.ASCII.GetBytes("head");

    public static readonly byte[] Genesis = Encoding.ASCII.GetBytes("genesis");

    public static byte[] Number(ulong number)
    {
        byte[] key = new byte[NumberLength];
        BinaryPrimitives.WriteUInt64BigEndian(key, number);
        return key;
    }

    public static byte[] Commit(ulong number)
    {
        byte[] key = new byte[1 + NumberLength];
        key[0] = CommitPrefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), number);
        return key;
    }

    public static byte[] TxLocationValue(ulong blockNumber, int index)
    {
        byte[] value = new byte[NumberLength + sizeof(int)];
        BinaryPrimitives.WriteUInt64BigEndian(value, blockNumber);
        BinaryPrimitives.WriteInt32BigEndian(value.AsSpan(NumberLength), index);
        return value;
    }

    public static (ulong BlockNumber, int Index) ParseTxLocation(ReadOnlySpan<byte> value)
    {
        if (value.Length != NumberLength + sizeof(int))
        {
            throw new InvalidDataException($"corrupt tx index entry: {value.Length} bytes, expected {NumberLength + sizeof(int)}");
        }

        return (BinaryPrimitives.ReadUInt64BigEndian(value), BinaryPrimitives.ReadInt32BigEndian(value[NumberLength..]));
    }

    public static Hash256 ParseHash(ReadOnlySpan<byte> value, string what)
    {
        if (value.Length != Hash256.Length)
        {
            throw new InvalidDataException($"corrupt {what}: {value.Length} bytes, expected {Hash256.Length}");
        }

        return new Hash256(value);
    }
}
