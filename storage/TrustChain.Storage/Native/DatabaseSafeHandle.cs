using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Owns an open <c>rocksdb_t</c> together with everything whose lifetime is tied to it: the column family
/// handles (must be destroyed before close), the shared block cache and the reusable read/write/flush options.
/// Iterators and snapshots take a reference on this handle, so the database is closed only after the last of
/// them is released, no matter in which order Dispose (or finalization) happens.
/// </summary>
internal sealed class DatabaseSafeHandle : SafeHandle
{
    public DatabaseSafeHandle() : base(0, ownsHandle: true)
    {
    }

    public nint[] ColumnFamilies { get; set; } = [];

    public nint Cache { get; set; }

    public nint WriteOptionsSync { get; set; }

    public nint WriteOptionsNoSync { get; set; }

    public nint ReadOptions { get; set; }

    public nint FlushOptions { get; set; }

    // Composite handle: release must run even when open failed, to free the options created before it.
    public override bool IsInvalid => false;

    public void SetDatabase(nint db) => SetHandle(db);

    protected override bool ReleaseHandle()
    {
        if (handle != 0)
        {
            foreach (nint cf in ColumnFamilies)
            {
                if (cf != 0)
                {
                    RocksDbNative.ColumnFamilyHandleDestroy(cf);
                }
            }

            RocksDbNative.Close(handle);
            handle = 0;
        }

        // The table factories inside the closed DB held their own references to the cache.
        if (Cache != 0) RocksDbNative.CacheDestroy(Cache);
        if (WriteOptionsSync != 0) RocksDbNative.WriteOptionsDestroy(WriteOptionsSync);
        if (WriteOptionsNoSync != 0) RocksDbNative.WriteOptionsDestroy(WriteOptionsNoSync);
        if (ReadOptions != 0) RocksDbNative.ReadOptionsDestroy(ReadOptions);
        if (FlushOptions != 0) RocksDbNative.FlushOptionsDestroy(FlushOptions);
        return true;
    }
}
