using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// Append-only uid lists, one per owner address, packed so an append costs one storage write instead of an entry write
/// plus a count write. The head value is the count (8 bytes, big-endian) followed by the entries of the unfilled last
/// chunk; every <see cref="ChunkSize"/> entries the filled chunk moves to its own slot. A batch appending to one owner
/// (<see cref="UidListAppender"/>) reads the head once and writes it once, plus one write per chunk it fills.
/// </summary>
internal sealed class UidList
{
    /// <summary>Entries per sealed chunk: 512-byte values, and a head of at most 488 bytes.</summary>
    public const int ChunkSize = 16;

    internal const int CountLength = sizeof(ulong);
    internal const int ChunkBytes = ChunkSize * Hash256.Length;

    private readonly ContractStorage _storage;
    private readonly StorageMap _heads;
    private readonly StorageMap _chunks;

    public UidList(ContractStorage storage, StorageMap heads, StorageMap chunks)
    {
        _storage = storage;
        _heads = heads;
        _chunks = chunks;
    }

    public ulong Count(Address owner) => ReadHead(owner, out _).Count;

    /// <summary>Up to <paramref name="limit"/> entries from index <paramref name="offset"/>, oldest first.</summary>
    public Hash256[] Page(Address owner, ulong offset, ulong limit)
    {
        (ulong count, byte[] head) = ReadHead(owner, out StorageSlot _);
        if (offset >= count || limit == 0)
        {
            return [];
        }

        ulong take = Math.Min(limit, count - offset);
        ulong sealedChunks = count / ChunkSize;
        StorageMap chunks = _chunks.Map(owner);
        Hash256[] page = new Hash256[take];
        byte[] chunk = [];
        ulong loadedChunk = ulong.MaxValue;
        for (ulong i = 0; i < take; i++)
        {
            ulong index = offset + i;
            ulong chunkIndex = index / ChunkSize;
            int within = (int)(index % ChunkSize) * Hash256.Length;
            if (chunkIndex == sealedChunks)
            {
                page[i] = new Hash256(head.AsSpan(CountLength + within, Hash256.Length));
                continue;
            }

            if (chunkIndex != loadedChunk)
            {
                chunk = _storage.GetBytes(chunks[chunkIndex]);
                if (chunk.Length != ChunkBytes)
                {
                    throw new InvalidOperationException($"uid list of {owner}: chunk {chunkIndex} holds {chunk.Length} bytes, expected {ChunkBytes}");
                }

                loadedChunk = chunkIndex;
            }

            page[i] = new Hash256(chunk.AsSpan(within, Hash256.Length));
        }

        return page;
    }

    /// <summary>Starts appending to <paramref name="owner"/>'s list; nothing is stored until <see cref="UidListAppender.Flush"/>.</summary>
    public UidListAppender Append(Address owner)
    {
        (ulong count, byte[] head) = ReadHead(owner, out StorageSlot headSlot);
        return new UidListAppender(_storage, _chunks, owner, headSlot, count, head);
    }

    private (ulong Count, byte[] Head) ReadHead(Address owner, out StorageSlot slot)
    {
        slot = _heads[owner];
        byte[] head = _storage.GetBytes(slot);
        if (head.Length == 0)
        {
            return (0, head);
        }

        ulong count = head.Length >= CountLength ? BinaryPrimitives.ReadUInt64BigEndian(head) : 0;
        if (head.Length != CountLength + (int)(count % ChunkSize) * Hash256.Length)
        {
            throw new InvalidOperationException($"uid list of {owner}: a {head.Length}-byte head does not match its count {count}");
        }

        return (count, head);
    }
}
