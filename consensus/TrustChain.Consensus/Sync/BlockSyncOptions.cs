namespace TrustChain.Consensus.Sync;

public sealed record BlockSyncOptions
{
    public required ulong ChainId { get; init; }

    /// <summary>Blocks per request; a response must fit one P2P frame.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Requests in flight at once, spread over the peers.</summary>
    public int MaxRequestsInFlight { get; init; } = 8;

    /// <summary>Attempts per range (each on the next peer) before the sync round gives up.</summary>
    public int MaxAttemptsPerRange { get; init; } = 6;

    public void Validate()
    {
        if (BatchSize is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be 1..1024 blocks.");
        }

        if (MaxRequestsInFlight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsInFlight), MaxRequestsInFlight, "At least one request must be allowed in flight.");
        }

        if (MaxAttemptsPerRange < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttemptsPerRange), MaxAttemptsPerRange, "At least one attempt per range.");
        }
    }
}
