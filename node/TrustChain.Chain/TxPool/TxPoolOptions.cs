namespace TrustChain.Chain.TxPool;

/// <summary>Capacity limits of the <see cref="TxPool"/>.</summary>
public sealed class TxPoolOptions
{
    public static TxPoolOptions Default { get; } = new();

    /// <summary>
    /// Pending transactions a sender is guaranteed when the pool is full (geth's account slots); below a full pool a
    /// sender may hold more, and the excess is the first to go when room is needed.
    /// </summary>
    public int MaxPendingPerSender { get; init; } = 64;

    /// <summary>
    /// Non-executable (gapped) transactions a sender is guaranteed when the queue is full; below a full queue a sender
    /// may hold more.
    /// </summary>
    public int MaxQueuedPerSender { get; init; } = 64;

    public int MaxPending { get; init; } = 10_000;

    public int MaxQueued { get; init; } = 2_000;

    /// <summary>Minimum bump, in percent, of both fee cap and tip for a same-nonce replacement.</summary>
    public int PriceBumpPercent { get; init; } = 10;

    /// <summary>Accept legacy transactions without an EIP-155 chain id (replayable on other chains).</summary>
    public bool AllowUnprotectedTransactions { get; init; }

    internal void Validate()
    {
        if (MaxPendingPerSender <= 0 || MaxQueuedPerSender < 0 || MaxPending <= 0 || MaxQueued < 0 || PriceBumpPercent < 0)
        {
            throw new ArgumentException("TxPoolOptions limits must be positive (queued limits and the bump may be zero).");
        }
    }
}
