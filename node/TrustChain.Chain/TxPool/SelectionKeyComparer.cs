namespace TrustChain.Chain.TxPool;

internal sealed class SelectionKeyComparer : IComparer<SelectionKey>
{
    public static readonly SelectionKeyComparer Instance = new();

    public int Compare(SelectionKey x, SelectionKey y)
    {
        int c = y.Tip.CompareTo(x.Tip);
        return c != 0 ? c : x.Hash.CompareTo(y.Hash);
    }
}
