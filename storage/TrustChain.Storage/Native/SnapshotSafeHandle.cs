using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Owns a <c>rocksdb_snapshot_t</c> plus the read options that point at it, and holds a reference on the
/// database (releasing a snapshot needs the live DB).
/// </summary>
internal sealed class SnapshotSafeHandle : SafeHandle
{
    private readonly DatabaseSafeHandle _database;
    private readonly bool _databaseReferenced;

    public SnapshotSafeHandle(DatabaseSafeHandle database) : base(0, ownsHandle: true)
    {
        _database = database;
        try
        {
            database.DangerousAddRef(ref _databaseReferenced);
        }
        catch
        {
            // Database already closed: make sure ReleaseHandle (and the finalizer) never runs.
            SetHandleAsInvalid();
            throw;
        }

        SetHandle(RocksDbNative.CreateSnapshot(database.DangerousGetHandle()));
        ReadOptions = RocksDbNative.ReadOptionsCreate();
        RocksDbNative.ReadOptionsSetSnapshot(ReadOptions, handle);
    }

    public nint ReadOptions { get; }

    // Composite handle: release always runs so the database reference taken in the constructor is returned.
    public override bool IsInvalid => false;

    protected override bool ReleaseHandle()
    {
        if (ReadOptions != 0) RocksDbNative.ReadOptionsDestroy(ReadOptions);
        if (handle != 0) RocksDbNative.ReleaseSnapshot(_database.DangerousGetHandle(), handle);
        if (_databaseReferenced) _database.DangerousRelease();
        return true;
    }
}
