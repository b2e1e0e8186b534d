namespace TrustChain.Rpc.Metrics;

/// <summary>When /health says the node is fine.</summary>
public sealed class HealthOptions
{
    /// <summary>The node is unhealthy when its head has not advanced for longer than this.</summary>
    public TimeSpan MaxHeadAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True while the node catches up with its peers (the sync component supplies it).</summary>
    public Func<bool> Syncing { get; init; } = static () => false;

    public Func<int> PeerCount { get; init; } = static () => 0;

    internal void Validate()
    {
        if (MaxHeadAge <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxHeadAge must be positive.", nameof(MaxHeadAge));
        }

        ArgumentNullException.ThrowIfNull(Syncing);
        ArgumentNullException.ThrowIfNull(PeerCount);
    }
}
