using Microsoft.Win32.SafeHandles;

namespace TrustChain.Storage.Native;

/// <summary>Owns a <c>rocksdb_block_based_table_options_t</c>; the table factory built from it copies it.</summary>
internal sealed class BlockBasedTableOptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BlockBasedTableOptionsSafeHandle() : base(ownsHandle: true)
    {
        SetHandle(RocksDbNative.BlockBasedOptionsCreate());
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.BlockBasedOptionsDestroy(handle);
        return true;
    }
}
