using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>A committed root: its hash, the pointer to its root node, and the version that committed it (null = never).</summary>
internal readonly record struct StateRootInfo(Hash256 Root, NodeRef RootRef, ulong? Version)
{
    public static readonly StateRootInfo Genesis = new(Hash256.Zero, NodeRef.Empty, null);
}
