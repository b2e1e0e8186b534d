namespace TrustChain.Chain.State;

/// <summary>
/// Orders node writes as their RocksDB keys sort (version, depth, path). RocksDB's memtable inserts keys arriving in
/// order through a reused skip-list splice; in tree order (children before parents) every insert searches from the top.
/// </summary>
internal sealed class NodeKeyComparer : IComparer<KeyValuePair<NodeId, byte[]>>
{
    public static readonly NodeKeyComparer Instance = new();

    public int Compare(KeyValuePair<NodeId, byte[]> x, KeyValuePair<NodeId, byte[]> y)
    {
        int c = x.Key.Version.CompareTo(y.Key.Version);
        if (c != 0)
        {
            return c;
        }

        c = x.Key.Depth.CompareTo(y.Key.Depth);
        // Path bits below the depth are zero, so comparing whole paths orders the key's path bytes alike.
        return c != 0 ? c : x.Key.Path.CompareTo(y.Key.Path);
    }
}
