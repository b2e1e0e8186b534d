using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// Updates applied atomically by <see cref="RocksDatabase.Write"/>: after a crash either all of them are
/// visible or none. A batch buffers its operations in native memory and is not thread-safe; all column
/// families in one batch must belong to the same database.
/// </summary>
public sealed unsafe class WriteBatch : IDisposable
{
    private readonly WriteBatchSafeHandle _handle = new();
    private DatabaseSafeHandle? _database;

    internal WriteBatch()
    {
    }

    /// <summary>Number of operations (put, delete, delete-range) in the batch.</summary>
    public int Count
    {
        get
        {
            using var lease = new SafeHandleLease(_handle);
            return RocksDbNative.WriteBatchCount(lease.Pointer);
        }
    }

    /// <summary>Size of the batch's serialized representation in bytes.</summary>
    public long ByteSize
    {
        get
        {
            using var lease = new SafeHandleLease(_handle);
            nuint size = 0;
            RocksDbNative.WriteBatchData(lease.Pointer, &size);
            return (long)size;
        }
    }

    internal DatabaseSafeHandle? Database => _database;

    internal WriteBatchSafeHandle Handle => _handle;

    public void Put(ColumnFamily cf, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        using var batch = new SafeHandleLease(_handle);
        using var db = LeaseDatabase(cf);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.WriteBatchPutCf(batch.Pointer, cf.Handle, k, (nuint)key.Length, v, (nuint)value.Length);
        }
    }

    public void Delete(ColumnFamily cf, ReadOnlySpan<byte> key)
    {
        using var batch = new SafeHandleLease(_handle);
        using var db = LeaseDatabase(cf);
        fixed (byte* k = key)
        {
            RocksDbNative.WriteBatchDeleteCf(batch.Pointer, cf.Handle, k, (nuint)key.Length);
        }
    }

    /// <summary>Deletes every key in [<paramref name="start"/>, <paramref name="end"/>) (byte-wise order).</summary>
    public void DeleteRange(ColumnFamily cf, ReadOnlySpan<byte> start, ReadOnlySpan<byte> end)
    {
        if (start.SequenceCompareTo(end) > 0)
        {
            throw new ArgumentException("DeleteRange start must not be greater than end.", nameof(start));
        }

        using var batch = new SafeHandleLease(_handle);
        using var db = LeaseDatabase(cf);
        fixed (byte* s = start)
        fixed (byte* e = end)
        {
            RocksDbNative.WriteBatchDeleteRangeCf(batch.Pointer, cf.Handle, s, (nuint)start.Length, e, (nuint)end.Length);
        }
    }

    /// <summary>Removes all operations so the batch can be reused.</summary>
    public void Clear()
    {
        using var batch = new SafeHandleLease(_handle);
        RocksDbNative.WriteBatchClear(batch.Pointer);
        _database = null;
    }

    public void Dispose() => _handle.Dispose();

    // Recording a column family reads its id from the DB-owned handle, so the DB must be alive meanwhile.
    private SafeHandleLease LeaseDatabase(ColumnFamily cf)
    {
        ArgumentNullException.ThrowIfNull(cf);
        if (_database is not null && !ReferenceEquals(_database, cf.Database))
        {
            throw new ArgumentException(
                $"Column family '{cf.Name}' belongs to a different database than the batch's earlier operations.", nameof(cf));
        }

        var lease = new SafeHandleLease(cf.Database);
        _database = cf.Database;
        return lease;
    }
}
