using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// Which codecs the loaded librocksdb was linked with. The C API has no query for this, but DB::Open validates
/// the configured codec ("... is not linked with the binary"), so each codec is probed once by opening a
/// throw-away database with it.
/// </summary>
internal static class CompressionSupport
{
    private static readonly RocksCompression[] FallbackChain = [RocksCompression.Lz4, RocksCompression.Snappy, RocksCompression.None];
    private static readonly Lazy<bool>[] Probes = CreateProbes();

    public static bool IsSupported(RocksCompression compression)
    {
        int index = (int)compression;
        if ((uint)index >= (uint)Probes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression type.");
        }

        return Probes[index].Value;
    }

    /// <summary>The requested codec if supported, else the first supported of LZ4, Snappy, None.</summary>
    public static RocksCompression Resolve(RocksCompression requested)
    {
        if (IsSupported(requested))
        {
            return requested;
        }

        foreach (RocksCompression fallback in FallbackChain)
        {
            if (IsSupported(fallback))
            {
                return fallback;
            }
        }

        return RocksCompression.None;
    }

    private static Lazy<bool>[] CreateProbes()
    {
        RocksCompression[] all = Enum.GetValues<RocksCompression>();
        var probes = new Lazy<bool>[(int)all.Max() + 1];
        for (int i = 0; i < probes.Length; i++)
        {
            var compression = (RocksCompression)i;
            probes[i] = new Lazy<bool>(() => compression == RocksCompression.None || Probe(compression));
        }

        return probes;
    }

    private static unsafe bool Probe(RocksCompression compression)
    {
        string path = Path.Combine(Path.GetTempPath(), $"trustchain-rocksdb-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var options = new OptionsSafeHandle();
            nint opts = options.DangerousGetHandle();
            RocksDbNative.OptionsSetCreateIfMissing(opts, 1);
            RocksDbNative.OptionsSetCompression(opts, (int)compression);
            RocksDbNative.OptionsSetBottommostCompression(opts, (int)compression);

            byte[] pathBytes = NativeStrings.ToUtf8Z(path);
            byte[] defaultName = NativeStrings.ToUtf8Z(DbColumns.Default);
            nint cfHandle = 0;
            nint error = 0;
            nint db;
            fixed (byte* pathPtr = pathBytes)
            fixed (byte* namePtr = defaultName)
            {
                byte* name = namePtr;
                db = RocksDbNative.OpenColumnFamilies(opts, pathPtr, 1, &name, &opts, &cfHandle, &error);
            }

            if (error != 0)
            {
                RocksDbNative.Free(error);
                return false;
            }

            RocksDbNative.ColumnFamilyHandleDestroy(cfHandle);
            RocksDbNative.Close(db);
            return true;
        }
        finally
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (IOException)
            {
                // A leftover scratch directory in /tmp is harmless; the probe result stands.
            }
        }
    }
}
