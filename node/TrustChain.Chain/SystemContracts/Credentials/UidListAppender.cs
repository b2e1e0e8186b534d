using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>Pending appends to one owner's <see cref="UidList"/>: filled chunks are written as they fill, the head once at <see cref="Flush"/>.</summary>
internal sealed class UidListAppender
{
    private const int ChunkSize = UidList.ChunkSize;
    private const int CountLength = UidList.CountLength;
    private const int ChunkBytes = UidList.ChunkBytes;

    private readonly ContractStorage _storage;
    private readonly StorageMap _allChunks;
    private readonly Address _owner;
    private readonly StorageSlot _headSlot;
    private readonly byte[] _tail = new byte[ChunkBytes];
    private StorageMap? _chunks;
    private int _tailCount;
    private bool _dirty;

    internal UidListAppender(ContractStorage storage, StorageMap chunks, Address owner, StorageSlot headSlot, ulong count, byte[] head)
    {
        _storage = storage;
        _allChunks = chunks;
        _owner = owner;
        _headSlot = headSlot;
        Count = count;
        _tailCount = (int)(count % ChunkSize);
        if (_tailCount > 0)
        {
            head.AsSpan(CountLength, _tailCount * Hash256.Length).CopyTo(_tail);
        }
    }

    /// <summary>Entries in the list including the pending ones; the index the next entry gets.</summary>
    public ulong Count { get; private set; }

    public void Add(in Hash256 uid)
    {
        uid.CopyTo(_tail.AsSpan(_tailCount * Hash256.Length));
        _tailCount++;
        Count++;
        _dirty = true;
        if (_tailCount == ChunkSize)
        {
            _chunks ??= _allChunks.Map(_owner);
            _storage.SetBytes(_chunks[(Count / ChunkSize) - 1], _tail);
            _tailCount = 0;
        }
    }

    /// <summary>Writes the head (count and unfilled chunk) once for everything added.</summary>
    public void Flush()
    {
        if (!_dirty)
        {
            return;
        }

        Span<byte> head = stackalloc byte[CountLength + ChunkBytes];
        BinaryPrimitives.WriteUInt64BigEndian(head, Count);
        _tail.AsSpan(0, _tailCount * Hash256.Length).CopyTo(head[CountLength..]);
        _storage.SetBytes(_headSlot, head[..(CountLength + (_tailCount * Hash256.Length))]);
        _dirty = false;
    }
}
