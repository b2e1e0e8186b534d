using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.LeanImt;

/// <summary>
/// A LeanIMT membership proof as @zk-kit/lean-imt returns it: levels without a sibling are skipped, and bit i
/// of <see cref="Index"/> is 1 when the node is the right child at the level of the i-th listed sibling.
/// </summary>
public sealed class LeanImtProof
{
    public LeanImtProof(Fr root, Fr leaf, ulong index, IReadOnlyList<Fr> siblings)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        Root = root;
        Leaf = leaf;
        Index = index;
        Siblings = siblings;
    }

    public Fr Root { get; }

    public Fr Leaf { get; }

    public ulong Index { get; }

    public IReadOnlyList<Fr> Siblings { get; }
}
