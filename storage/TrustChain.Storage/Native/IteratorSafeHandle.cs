using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Owns a <c>rocksdb_iterator_t</c> and what it points into: its read options (RocksDB keeps a pointer to the
/// bound slices stored there) and the native copies of the bound keys. Holds references on the database and on
/// the snapshot it reads from, so neither is freed before the iterator.
/// </summary>
internal sealed unsafe class IteratorSafeHandle : SafeHandle
{
    private readonly DatabaseSafeHandle _database;
    private readonly SnapshotSafeHandle? _snapshot;
    private readonly bool _databaseReferenced;
    private readonly bool _snapshotReferenced;
    private byte* _lowerBound;
    private byte* _upperBound;
    private nint _readOptions;

    public IteratorSafeHandle(DatabaseSafeHandle database, SnapshotSafeHandle? snapshot) : base(0, ownsHandle: true)
    {
        _database = database;
        _snapshot = snapshot;
        try
        {
            database.DangerousAddRef(ref _databaseReferenced);
            snapshot?.DangerousAddRef(ref _snapshotReferenced);
        }
        catch
        {
            // Owner already closed: return what was taken and make sure ReleaseHandle never runs.
            if (_databaseReferenced) database.DangerousRelease();
            SetHandleAsInvalid();
            throw;
        }
    }

    // Composite handle: release always runs so the references taken in the constructor are returned.
    public override bool IsInvalid => false;

    public nint Create(nint cf, IteratorOptions? options)
    {
        _readOptions = RocksDbNative.ReadOptionsCreate();
        if (_snapshot is not null)
        {
            RocksDbNative.ReadOptionsSetSnapshot(_readOptions, _snapshot.DangerousGetHandle());
        }

        if (options is not null)
        {
            if (options.LowerBound is { } lower)
            {
                _lowerBound = CopyToNative(lower);
                RocksDbNative.ReadOptionsSetIterateLowerBound(_readOptions, _lowerBound, (nuint)lower.Length);
            }

            if (options.UpperBound is { } upper)
            {
                _upperBound = CopyToNative(upper);
                RocksDbNative.ReadOptionsSetIterateUpperBound(_readOptions, _upperBound, (nuint)upper.Length);
            }

            RocksDbNative.ReadOptionsSetPrefixSameAsStart(_readOptions, options.PrefixSameAsStart ? (byte)1 : (byte)0);
            RocksDbNative.ReadOptionsSetTotalOrderSeek(_readOptions, options.TotalOrderSeek ? (byte)1 : (byte)0);
            RocksDbNative.ReadOptionsSetFillCache(_readOptions, options.FillCache ? (byte)1 : (byte)0);
        }

        SetHandle(RocksDbNative.CreateIteratorCf(_database.DangerousGetHandle(), _readOptions, cf));
        return handle;
    }

    protected override bool ReleaseHandle()
    {
        if (handle != 0) RocksDbNative.IterDestroy(handle);
        if (_readOptions != 0) RocksDbNative.ReadOptionsDestroy(_readOptions);
        if (_lowerBound != null) NativeMemory.Free(_lowerBound);
        if (_upperBound != null) NativeMemory.Free(_upperBound);
        if (_snapshotReferenced) _snapshot!.DangerousRelease();
        if (_databaseReferenced) _database.DangerousRelease();
        return true;
    }

    // A bound must be a non-null pointer even when empty: RocksDB reads a null key as "no bound".
    private static byte* CopyToNative(ReadOnlySpan<byte> key)
    {
        byte* copy = (byte*)NativeMemory.Alloc((nuint)Math.Max(key.Length, 1));
        key.CopyTo(new Span<byte>(copy, key.Length));
        return copy;
    }
}
