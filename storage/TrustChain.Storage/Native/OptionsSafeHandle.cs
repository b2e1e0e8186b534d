using Microsoft.Win32.SafeHandles;

namespace TrustChain.Storage.Native;

/// <summary>Owns a <c>rocksdb_options_t</c>; RocksDB copies options at open, so these live only during Open.</summary>
internal sealed class OptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OptionsSafeHandle() : base(ownsHandle: true)
    {
        SetHandle(RocksDbNative.OptionsCreate());
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.OptionsDestroy(handle);
        return true;
    }
}
