namespace TrustChain.Chain.State;

/// <summary>A decoded internal node: the two child pointers (either may be empty, never both).</summary>
internal readonly record struct InternalNode(NodeRef Left, NodeRef Right)
{
    public NodeRef Child(int bit) => bit == 0 ? Left : Right;
}
