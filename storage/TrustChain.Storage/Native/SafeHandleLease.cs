using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Keeps a SafeHandle's native object alive for the duration of a native call: a concurrent Dispose only marks
/// the handle closed and the release runs when the last lease ends. Throws <see cref="ObjectDisposedException"/>
/// if the handle is already closed.
/// </summary>
internal readonly ref struct SafeHandleLease
{
    private readonly SafeHandle? _handle;

    public SafeHandleLease(SafeHandle handle)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(handle.GetType().Name, "The RocksDB object has been disposed.");
        }

        _handle = handle;
        Pointer = handle.DangerousGetHandle();
    }

    public nint Pointer { get; }

    public void Dispose() => _handle?.DangerousRelease();
}
