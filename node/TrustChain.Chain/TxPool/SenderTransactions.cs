using TrustChain.Core;

namespace TrustChain.Chain.TxPool;

/// <summary>
/// One sender's pooled transactions in nonce order. The first <see cref="PendingCount"/> entries are pending
/// (contiguous from the state nonce); the rest are queued.
/// </summary>
internal sealed class SenderTransactions
{
    public SenderTransactions(Address sender, ulong stateNonce)
    {
        Sender = sender;
        StateNonce = stateNonce;
    }

    public Address Sender { get; }

    public ulong StateNonce { get; set; }

    public SortedList<ulong, PoolEntry> ByNonce { get; } = new();

    public int PendingCount { get; private set; }

    public int QueuedCount => ByNonce.Count - PendingCount;

    /// <summary>Length of the nonce-contiguous run from the state nonce.</summary>
    public int ContiguousCount { get; private set; }

    /// <summary>Pending/queued figures last added to the pool-wide counters, so refreshes can subtract them.</summary>
    public int CountedPending { get; set; }

    public int CountedQueued { get; set; }

    public PoolEntry? PendingTail { get; set; }

    public PoolEntry? QueuedTail { get; set; }

    /// <summary>Total cost of all pooled transactions except the one at <paramref name="exceptNonce"/>.</summary>
    public UInt256 TotalCost(ulong? exceptNonce, out bool overflow)
    {
        overflow = false;
        UInt256 total = UInt256.Zero;
        IList<PoolEntry> values = ByNonce.Values;
        for (int i = 0; i < values.Count; i++)
        {
            PoolEntry e = values[i];
            if (e.Nonce == exceptNonce)
            {
                continue;
            }

            overflow |= UInt256.AddOverflow(total, e.Cost, out total);
        }

        return total;
    }

    /// <summary>Recomputes the pending/queued split; returns the entries that just became pending.</summary>
    public void Reclassify(List<PoolEntry>? promoted)
    {
        IList<ulong> keys = ByNonce.Keys;
        IList<PoolEntry> values = ByNonce.Values;
        int contiguous = 0;
        while (contiguous < keys.Count && keys[contiguous] == StateNonce + (ulong)contiguous)
        {
            contiguous++;
        }

        ContiguousCount = contiguous;
        PendingCount = contiguous;
        for (int i = 0; i < values.Count; i++)
        {
            bool pending = i < PendingCount;
            if (pending && !values[i].IsPending)
            {
                promoted?.Add(values[i]);
            }

            values[i].IsPending = pending;
        }
    }
}
