namespace TrustChain.Chain.TxPool;

internal sealed class PoolEntryPriceComparer : IComparer<PoolEntry>
{
    public static readonly PoolEntryPriceComparer Instance = new();

    public int Compare(PoolEntry? x, PoolEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        return y is null ? 1 : PoolEntry.ComparePrice(x, y);
    }
}
