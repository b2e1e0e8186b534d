namespace TrustChain.Chain.State;

/// <summary>
/// A tree update computed for a given block version with its nodes kept, so that the commit of the block writes them
/// instead of hashing the same update a second time.
/// </summary>
internal sealed class PreparedStateRoot
{
    public PreparedStateRoot(ulong version, TreeUpdate[] updates, int count, TreeWriteSet writes, NodeRef root)
    {
        Version = version;
        Updates = updates;
        Count = count;
        Writes = writes;
        Root = root;
    }

    public ulong Version { get; }

    public TreeUpdate[] Updates { get; }

    public int Count { get; }

    public TreeWriteSet Writes { get; }

    public NodeRef Root { get; }
}
