using System.Buffers.Binary;
using TrustChain.Core.Transactions;

namespace TrustChain.Network.Protocol;

/// <summary>
/// Wire form of <see cref="ChannelIds.TransactionBatchMessageType"/> (integers big-endian):
/// n u32 ‖ n × (length u32 ‖ signed transaction, as eth_sendRawTransaction takes it). Many transactions share one
/// frame so gossip costs one frame per flush instead of one per transaction. Decoding is strict: the count and every
/// length are checked against what is left before anything is sliced, and trailing bytes are an error.
/// </summary>
public static class TransactionBatchMessages
{
    /// <summary>Most transactions one batch may carry.</summary>
    public const int MaxTransactionsPerBatch = 8192;

    /// <summary>Bytes of the batch header (the count).</summary>
    public const int HeaderLength = 4;

    /// <summary>Bytes one transaction of <paramref name="rawLength"/> bytes adds to a batch.</summary>
    public static int EntryLength(int rawLength) => 4 + rawLength;

    /// <summary>Encodes <paramref name="count"/> raw transactions starting at <paramref name="start"/>.</summary>
    public static byte[] Encode(IReadOnlyList<byte[]> rawTransactions, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(rawTransactions);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (count is < 1 or > MaxTransactionsPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a batch carries 1..{MaxTransactionsPerBatch} transactions");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, rawTransactions.Count, nameof(count));
        int length = HeaderLength;
        for (int i = start; i < start + count; i++)
        {
            length = checked(length + EntryLength(rawTransactions[i].Length));
        }

        byte[] payload = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)count);
        int offset = HeaderLength;
        for (int i = start; i < start + count; i++)
        {
            byte[] raw = rawTransactions[i];
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(offset), (uint)raw.Length);
            raw.CopyTo(payload.AsSpan(offset + 4));
            offset += EntryLength(raw.Length);
        }

        return payload;
    }

    public static byte[] Encode(IReadOnlyList<byte[]> rawTransactions) => Encode(rawTransactions, 0, rawTransactions.Count);

    /// <summary>Decodes every transaction of a batch; any malformed part rejects the whole message.</summary>
    public static Transaction[] Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderLength)
        {
            throw new TransactionBatchException($"transaction batch must start with a 4-byte count, got {payload.Length} bytes");
        }

        uint count = BinaryPrimitives.ReadUInt32BigEndian(payload);
        if (count is < 1 or > MaxTransactionsPerBatch)
        {
            throw new TransactionBatchException($"transaction batch of {count} transactions; 1..{MaxTransactionsPerBatch} allowed");
        }

        // Each entry needs at least its length prefix and one byte, so a count the payload cannot hold is refused
        // before the result array is allocated.
        if ((ulong)count * 5 > (ulong)(payload.Length - HeaderLength))
        {
            throw new TransactionBatchException($"transaction batch claims {count} transactions but holds {payload.Length} bytes");
        }

        var transactions = new Transaction[count];
        ReadOnlySpan<byte> rest = payload[HeaderLength..];
        for (int i = 0; i < transactions.Length; i++)
        {
            if (rest.Length < 4)
            {
                throw new TransactionBatchException($"transaction {i} of the batch has no length prefix");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(rest);
            if (length == 0 || length > (uint)(rest.Length - 4))
            {
                throw new TransactionBatchException($"transaction {i} of the batch claims {length} bytes, {rest.Length - 4} left");
            }

            try
            {
                transactions[i] = TransactionDecoder.Decode(rest.Slice(4, (int)length));
            }
            catch (TransactionDecodeException e)
            {
                throw new TransactionBatchException($"transaction {i} of the batch does not decode: {e.Message}", e);
            }

            rest = rest[(4 + (int)length)..];
        }

        if (!rest.IsEmpty)
        {
            throw new TransactionBatchException($"{rest.Length} trailing bytes after the transaction batch");
        }

        return transactions;
    }
}
