using System.Buffers.Binary;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Storage;

namespace TrustChain.Chain.Persistence;

/// <summary>
/// Inverted index from log criteria to block numbers, in the "logindex" column family. Keys carry no value:
/// <list type="bullet">
/// <item><c>0x00 || address(20) || number(8)</c>: a log emitted by that address is in the block</item>
/// <item><c>0x01+p || topic(32) || number(8)</c>: a log with that topic at position p (0..3) is in the block</item>
/// <item><c>0xFF || number(8)</c>: the block has at least one log</item>
/// </list>
/// A query reads one bounded key range per OR-value (cost proportional to the blocks that actually match, not to the
/// range), intersects the positions, then re-checks the logs of the candidate blocks exactly.
/// </summary>
public sealed class LogIndex
{
    private const byte AddressTag = 0x00;
    private const byte TopicTag = 0x01;
    private const byte AnyLogTag = 0xFF;

    private readonly RocksDatabase _db;
    private readonly ColumnFamily _cf;

    public LogIndex(RocksDatabase db)
    {
        _db = db;
        _cf = db.GetColumnFamily(DbColumns.LogIndex);
    }

    public void Index(WriteBatch batch, ulong blockNumber, IReadOnlyList<TxReceipt> receipts)
    {
        HashSet<Address> addresses = [];
        HashSet<(int Position, Hash256 Topic)> topics = [];
        for (int r = 0; r < receipts.Count; r++)
        {
            IReadOnlyList<LogEntry> logs = receipts[r].Logs;
            for (int l = 0; l < logs.Count; l++)
            {
                LogEntry log = logs[l];
                addresses.Add(log.Address);
                int positions = Math.Min(log.Topics.Count, LogFilter.MaxTopicPositions);
                for (int p = 0; p < positions; p++)
                {
                    topics.Add((p, log.Topics[p]));
                }
            }
        }

        if (addresses.Count == 0)
        {
            return;
        }

        // Set iteration order only affects the order of puts inside one atomic batch, never a hash.
        foreach (Address address in addresses)
        {
            batch.Put(_cf, AddressKey(address, blockNumber), ReadOnlySpan<byte>.Empty);
        }

        foreach ((int position, Hash256 topic) in topics)
        {
            batch.Put(_cf, TopicKey(position, topic, blockNumber), ReadOnlySpan<byte>.Empty);
        }

        batch.Put(_cf, AnyLogKey(blockNumber), ReadOnlySpan<byte>.Empty);
    }

    /// <summary>Ascending numbers of the blocks in the filter's range that may contain a matching log.</summary>
    public List<ulong> FindCandidateBlocks(LogFilter filter)
    {
        SortedSet<ulong>? candidates = null;
        if (filter.Addresses is { } addresses)
        {
            SortedSet<ulong> union = [];
            for (int i = 0; i < addresses.Count; i++)
            {
                byte[] prefix = new byte[1 + Address.Length];
                prefix[0] = AddressTag;
                addresses[i].CopyTo(prefix.AsSpan(1));
                Collect(prefix, filter.FromBlock, filter.ToBlock, union);
            }

            candidates = union;
        }

        for (int position = 0; position < filter.Topics.Count; position++)
        {
            if (filter.Topics[position] is not { Count: > 0 } wanted)
            {
                continue;
            }

            SortedSet<ulong> union = [];
            for (int i = 0; i < wanted.Count; i++)
            {
                byte[] prefix = new byte[1 + Hash256.Length];
                prefix[0] = (byte)(TopicTag + position);
                wanted[i].CopyTo(prefix.AsSpan(1));
                Collect(prefix, filter.FromBlock, filter.ToBlock, union);
            }

            if (candidates is null)
            {
                candidates = union;
            }
            else
            {
                candidates.IntersectWith(union);
            }

            if (candidates.Count == 0)
            {
                break;
            }
        }

        if (candidates is null)
        {
            candidates = [];
            Collect([AnyLogTag], filter.FromBlock, filter.ToBlock, candidates);
        }

        return [.. candidates];
    }

    private void Collect(byte[] prefix, ulong from, ulong to, SortedSet<ulong> into)
    {
        IteratorOptions options = new()
        {
            LowerBound = WithNumber(prefix, from),
            UpperBound = to == ulong.MaxValue ? IteratorOptions.PrefixSuccessor(prefix) : WithNumber(prefix, to + 1),
        };
        using RocksIterator iterator = _db.CreateIterator(_cf, options);
        for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
        {
            ReadOnlySpan<byte> key = iterator.Key;
            if (key.Length != prefix.Length + ChainDbKeys.NumberLength)
            {
                throw new InvalidDataException($"corrupt log index key of {key.Length} bytes under tag 0x{prefix[0]:x2}");
            }

            into.Add(BinaryPrimitives.ReadUInt64BigEndian(key[prefix.Length..]));
        }
    }

    private static byte[] AddressKey(Address address, ulong number)
    {
        byte[] key = new byte[1 + Address.Length + ChainDbKeys.NumberLength];
        key[0] = AddressTag;
        address.CopyTo(key.AsSpan(1));
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1 + Address.Length), number);
        return key;
    }

    private static byte[] TopicKey(int position, Hash256 topic, ulong number)
    {
        byte[] key = new byte[1 + Hash256.Length + ChainDbKeys.NumberLength];
        key[0] = (byte)(TopicTag + position);
        topic.CopyTo(key.AsSpan(1));
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1 + Hash256.Length), number);
        return key;
    }

    private static byte[] AnyLogKey(ulong number) => WithNumber([AnyLogTag], number);

    private static byte[] WithNumber(ReadOnlySpan<byte> prefix, ulong number)
    {
        byte[] key = new byte[prefix.Length + ChainDbKeys.NumberLength];
        prefix.CopyTo(key);
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(prefix.Length), number);
        return key;
    }
}
