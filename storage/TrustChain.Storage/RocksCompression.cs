namespace TrustChain.Storage;

/// <summary>Block compression codecs; values are the C API's <c>rocksdb_*_compression</c> constants.</summary>
public enum RocksCompression
{
    None = 0,
    Snappy = 1,
    Zlib = 2,
    Bz2 = 3,
    Lz4 = 4,
    Lz4Hc = 5,
    /// <summary>Windows-only codec; a Linux build never supports it (useful to exercise the fallback).</summary>
    Xpress = 6,
    Zstd = 7,
}
