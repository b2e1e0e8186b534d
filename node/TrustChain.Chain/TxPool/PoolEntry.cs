using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.TxPool;

/// <summary>A pooled transaction with its sender and the price figures the pool orders by, computed once.</summary>
internal sealed class PoolEntry
{
    public PoolEntry(Transaction tx, Address sender, in UInt256 cost)
    {
        Tx = tx;
        Sender = sender;
        Hash = tx.Hash;
        Nonce = tx.Nonce;
        FeeCap = tx.FeeCap;
        TipCap = tx.TipCap;
        Cost = cost;
    }

    public Transaction Tx { get; }

    public Address Sender { get; }

    public Hash256 Hash { get; }

    public ulong Nonce { get; }

    public UInt256 FeeCap { get; }

    public UInt256 TipCap { get; }

    /// <summary>gasLimit × feeCap + value: the most the transaction can take from the sender.</summary>
    public UInt256 Cost { get; }

    public bool IsPending { get; set; }

    /// <summary>Static price order used for eviction: fee cap, then tip, then hash (so it is total and deterministic).</summary>
    public static int ComparePrice(PoolEntry a, PoolEntry b)
    {
        int c = a.FeeCap.CompareTo(b.FeeCap);
        if (c != 0)
        {
            return c;
        }

        c = a.TipCap.CompareTo(b.TipCap);
        return c != 0 ? c : a.Hash.CompareTo(b.Hash);
    }

    /// <summary>True when this entry pays strictly more than <paramref name="other"/> in fee cap, or equal cap and more tip.</summary>
    public bool IsPricierThan(PoolEntry other)
    {
        int c = FeeCap.CompareTo(other.FeeCap);
        return c > 0 || (c == 0 && TipCap > other.TipCap);
    }
}
