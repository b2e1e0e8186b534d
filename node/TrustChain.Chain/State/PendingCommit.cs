namespace TrustChain.Chain.State;

/// <summary>A commit written into a caller's batch but not yet known to be durable.</summary>
internal sealed class PendingCommit
{
    public PendingCommit(StateRootInfo root, TreeWriteSet writes)
    {
        Root = root;
        Writes = writes;
    }

    public StateRootInfo Root { get; }

    public TreeWriteSet Writes { get; }
}
