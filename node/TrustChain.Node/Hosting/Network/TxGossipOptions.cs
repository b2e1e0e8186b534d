using TrustChain.Network.Protocol;

namespace TrustChain.Node.Hosting.Network;

/// <summary>How <see cref="TxGossip"/> batches and remembers transactions.</summary>
public sealed record TxGossipOptions
{
    public static TxGossipOptions Default { get; } = new();

    /// <summary>
    /// How long the first new transaction waits for company before a batch goes out. Short next to a block interval,
    /// so a transaction reaches every proposer well before the next proposal.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Transactions that trigger a flush at once, and the most one frame carries.</summary>
    public int MaxBatchCount { get; init; } = 1024;

    /// <summary>Payload bytes one batch frame may carry (well under the transport's frame cap).</summary>
    public int MaxBatchBytes { get; init; } = 512 * 1024;

    /// <summary>Hashes remembered per peer as known to it (sent to or received from it).</summary>
    public int KnownPerPeer { get; init; } = 32_768;

    /// <summary>Hashes this node has already taken in from the network or its own pool, skipped without recovery.</summary>
    public int SeenCapacity { get; init; } = 131_072;

    /// <summary>Received batches waiting for admission; beyond this a peer's batch is dropped (gossip is best effort).</summary>
    public int MaxPendingBatches { get; init; } = 1024;

    public void Validate()
    {
        if (FlushInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), FlushInterval, "must not be negative");
        }

        if (MaxBatchCount is < 1 or > TransactionBatchMessages.MaxTransactionsPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchCount), MaxBatchCount, $"must be in 1..{TransactionBatchMessages.MaxTransactionsPerBatch}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchBytes, 1024, nameof(MaxBatchBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(KnownPerPeer, 1, nameof(KnownPerPeer));
        ArgumentOutOfRangeException.ThrowIfLessThan(SeenCapacity, 1, nameof(SeenCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingBatches, 1, nameof(MaxPendingBatches));
    }
}
