using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// A column family of one open <see cref="RocksDatabase"/>. Its native handle is owned by the database and is
/// destroyed when the database closes; using it with another database is rejected.
/// </summary>
public sealed class ColumnFamily
{
    internal ColumnFamily(string name, int? prefixLength, nint handle, DatabaseSafeHandle database)
    {
        Name = name;
        PrefixLength = prefixLength;
        Handle = handle;
        Database = database;
    }

    public string Name { get; }

    /// <summary>Fixed prefix length of this family's prefix extractor, or null when it has none.</summary>
    public int? PrefixLength { get; }

    internal nint Handle { get; }

    internal DatabaseSafeHandle Database { get; }

    public override string ToString() => Name;
}
