using System.Buffers.Binary;
using TrustChain.Core.Blocks;
using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;

namespace TrustChain.Network.Protocol;

/// <summary>
/// Wire forms of the block-sync channel (all integers big-endian):
/// Status = head u64; GetBlocks = requestId u64 ‖ from u64 ‖ count u32;
/// Blocks = requestId u64 ‖ n u32 ‖ n × (blockLength u32 ‖ block RLP ‖ commitLength u32 ‖ commit RLP).
/// Decoding is strict: every length is checked against what is left before anything is sliced.
/// </summary>
public static class SyncMessages
{
    /// <summary>Most blocks one request may ask for.</summary>
    public const int MaxBlocksPerRequest = 256;

    public static byte[] EncodeStatus(ulong head)
    {
        byte[] payload = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(payload, head);
        return payload;
    }

    public static ulong DecodeStatus(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 8)
        {
            throw new SyncMessageException($"status must be 8 bytes, got {payload.Length}");
        }

        return BinaryPrimitives.ReadUInt64BigEndian(payload);
    }

    public static byte[] EncodeGetBlocks(GetBlocksRequest request)
    {
        if (request.Count is < 1 or > MaxBlocksPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, $"a request asks for 1..{MaxBlocksPerRequest} blocks");
        }

        byte[] payload = new byte[20];
        BinaryPrimitives.WriteUInt64BigEndian(payload, request.RequestId);
        BinaryPrimitives.WriteUInt64BigEndian(payload.AsSpan(8), request.From);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(16), (uint)request.Count);
        return payload;
    }

    public static GetBlocksRequest DecodeGetBlocks(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 20)
        {
            throw new SyncMessageException($"block request must be 20 bytes, got {payload.Length}");
        }

        uint count = BinaryPrimitives.ReadUInt32BigEndian(payload[16..]);
        ulong from = BinaryPrimitives.ReadUInt64BigEndian(payload[8..]);
        if (count is < 1 or > MaxBlocksPerRequest)
        {
            throw new SyncMessageException($"block request for {count} blocks; 1..{MaxBlocksPerRequest} allowed");
        }

        if (from == 0)
        {
            throw new SyncMessageException("block request from genesis: block 0 is not synced");
        }

        return new GetBlocksRequest(BinaryPrimitives.ReadUInt64BigEndian(payload), from, (int)count);
    }

    /// <summary>Encodes blocks (with commits) until adding the next one would pass <paramref name="maxBytes"/>; at least one.</summary>
    public static byte[] EncodeBlocks(ulong requestId, IReadOnlyList<(Block Block, Commit Commit)> blocks, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        List<(byte[] Block, byte[] Commit)> encoded = [];
        int total = 12;
        foreach ((Block block, Commit commit) in blocks)
        {
            byte[] blockBytes = BlockEncoder.Encode(block);
            byte[] commitBytes = commit.Encode();
            int size = 8 + blockBytes.Length + commitBytes.Length;
            if (encoded.Count > 0 && total + size > maxBytes)
            {
                break;
            }

            encoded.Add((blockBytes, commitBytes));
            total += size;
        }

        byte[] payload = new byte[total];
        BinaryPrimitives.WriteUInt64BigEndian(payload, requestId);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(8), (uint)encoded.Count);
        int position = 12;
        foreach ((byte[] blockBytes, byte[] commitBytes) in encoded)
        {
            position = WriteChunk(payload, position, blockBytes);
            position = WriteChunk(payload, position, commitBytes);
        }

        return payload;
    }

    public static BlocksResponse DecodeBlocks(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 12)
        {
            throw new SyncMessageException($"blocks response must be at least 12 bytes, got {payload.Length}");
        }

        ulong requestId = BinaryPrimitives.ReadUInt64BigEndian(payload);
        uint count = BinaryPrimitives.ReadUInt32BigEndian(payload[8..]);
        if (count > MaxBlocksPerRequest)
        {
            throw new SyncMessageException($"blocks response with {count} blocks; at most {MaxBlocksPerRequest} allowed");
        }

        List<(Block, Commit)> blocks = new((int)count);
        int position = 12;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> blockBytes = ReadChunk(payload, ref position, i, "block");
            ReadOnlySpan<byte> commitBytes = ReadChunk(payload, ref position, i, "commit");
            try
            {
                blocks.Add((BlockDecoder.Decode(blockBytes), Commit.Decode(commitBytes)));
            }
            catch (Exception e) when (e is RlpException or TransactionDecodeException or ArgumentException or FormatException)
            {
                throw new SyncMessageException($"blocks response item {i} does not decode: {e.Message}", e);
            }
        }

        if (position != payload.Length)
        {
            throw new SyncMessageException($"blocks response has {payload.Length - position} trailing bytes");
        }

        return new BlocksResponse(requestId, blocks);
    }

    private static int WriteChunk(byte[] payload, int position, byte[] chunk)
    {
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(position), (uint)chunk.Length);
        chunk.CopyTo(payload.AsSpan(position + 4));
        return position + 4 + chunk.Length;
    }

    private static ReadOnlySpan<byte> ReadChunk(ReadOnlySpan<byte> payload, ref int position, int index, string what)
    {
        if (payload.Length - position < 4)
        {
            throw new SyncMessageException($"blocks response truncated before the length of {what} {index}");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(payload[position..]);
        position += 4;
        if (length > (uint)(payload.Length - position))
        {
            throw new SyncMessageException($"blocks response: {what} {index} claims {length} bytes, {payload.Length - position} left");
        }

        ReadOnlySpan<byte> chunk = payload.Slice(position, (int)length);
        position += (int)length;
        return chunk;
    }
}
