using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// A parent's pointer to a child: its hash (what the parent hashes over) and the version it was written at
/// (what the parent needs to form the child's storage key). The child's path follows from the parent's.
/// </summary>
internal readonly record struct NodeRef(NodeKind Kind, ulong Version, Hash256 Hash)
{
    public static readonly NodeRef Empty = new(NodeKind.Empty, 0, Hash256.Zero);

    public bool IsEmpty => Kind == NodeKind.Empty;
}
