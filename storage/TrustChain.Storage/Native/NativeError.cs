using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

internal static class NativeError
{
    /// <summary>Converts a non-null <c>errptr</c> result into a <see cref="RocksDbException"/>, freeing the native string.</summary>
    public static void ThrowIfSet(nint error, string operation)
    {
        if (error != 0)
        {
            Throw(error, operation);
        }
    }

    private static void Throw(nint error, string operation)
    {
        string message;
        try
        {
            message = Marshal.PtrToStringUTF8(error) ?? "unknown error";
        }
        finally
        {
            RocksDbNative.Free(error);
        }

        throw new RocksDbException(operation, message);
    }
}
