using Microsoft.Win32.SafeHandles;

namespace TrustChain.Storage.Native;

internal sealed class WriteBatchSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WriteBatchSafeHandle() : base(ownsHandle: true)
    {
        SetHandle(RocksDbNative.WriteBatchCreate());
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.WriteBatchDestroy(handle);
        return true;
    }
}
