namespace TrustChain.Consensus.Dev;

public sealed class DevBlockProducerOptions
{
    public required ulong ChainId { get; init; }

    /// <summary>Interval between blocks when no transaction arrives.</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait after the first new transaction so that a burst lands in one block.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Pause after a failed block before the next attempt, so a persistent fault does not spin.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        if (BlockTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockTime), BlockTime, "Block time must be positive.");
        }

        if (Debounce < TimeSpan.Zero || RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Debounce), "Debounce and retry delay must not be negative.");
        }
    }
}
