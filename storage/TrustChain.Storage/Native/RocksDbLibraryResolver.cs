using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrustChain.Storage.Native;

/// <summary>
/// Maps the logical library name used by the P/Invoke declarations to the file a fresh Debian machine
/// actually has: the runtime package (librocksdb7.8) ships only the versioned soname, the unversioned
/// "librocksdb.so" symlink comes with the -dev package.
/// </summary>
internal static class RocksDbLibraryResolver
{
    private static readonly string[] Candidates = ["librocksdb.so.7.8", "librocksdb.so", "rocksdb"];

    /// <summary>The candidate name that was actually loaded, or null before the first native call.</summary>
    public static string? LoadedFrom { get; private set; }

    // A module initializer runs before any code of this assembly, so the resolver is in place no matter which
    // type makes the first native call.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The DllImport resolver must be installed before any native call from this assembly.")]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(RocksDbLibraryResolver).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != RocksDbNative.LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out IntPtr handle))
            {
                LoadedFrom = candidate;
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"Could not load RocksDB; tried {string.Join(", ", Candidates)}. Install the librocksdb7.8 package.");
    }
}
