namespace TrustChain.Chain.State;

/// <summary>
/// Orders node writes as their RocksDB keys sort (version, depth, path). RocksDB's memtable inserts keys arriving in
/// order through a reused skip-list splice; in tree order (children before parents) every insert searches from the top.
/// </summary>
internal sealed class NodeKeyComparer : IComparer<TreeNodeWrite>
{
    public static readonly NodeKeyComparer Instance = new();

    public int Compare(TreeNodeWrite x, TreeNodeWrite y)
    {
        int c = x.Id.Version.CompareTo(y.Id.Version);
        if (c != 0)
        {
            return c;
        }

        c = x.Id.Depth.CompareTo(y.Id.Depth);
        // Path bits below the depth are zero, so comparing whole paths orders the key's path bytes alike.
        return c != 0 ? c : x.Id.Path.CompareTo(y.Id.Path);
    }
}
