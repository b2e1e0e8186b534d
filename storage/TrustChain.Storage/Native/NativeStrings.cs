using System.Text;

namespace TrustChain.Storage.Native;

internal static class NativeStrings
{
    /// <summary>UTF-8 bytes with a terminating NUL, for <c>const char*</c> parameters.</summary>
    public static byte[] ToUtf8Z(string value)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
