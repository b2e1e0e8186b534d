namespace TrustChain.Chain.State;

internal sealed class TreeUpdateComparer : IComparer<TreeUpdate>
{
    public static readonly TreeUpdateComparer Instance = new();

    public int Compare(TreeUpdate x, TreeUpdate y) => x.Key.CompareTo(y.Key);
}
