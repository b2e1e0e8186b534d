using TrustChain.Consensus.Tendermint;

namespace TrustChain.Consensus.Driver;

public sealed record ConsensusDriverOptions
{
    public required ulong ChainId { get; init; }

    public required TimeoutParams Timeouts { get; init; }

    /// <summary>The consensus write-ahead log; created when missing, replayed for the starting height when present.</summary>
    public required string WalPath { get; init; }

    /// <summary>
    /// How often the messages of the current height are re-sent while the height does not advance, so peers that
    /// missed them (dropped frames, reconnects, restarts) can still reach a decision.
    /// </summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A message at least this many heights above ours means we fell behind and need block sync.</summary>
    public ulong BehindThreshold { get; init; } = 2;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Timeouts);
        Timeouts.Validate();
        ArgumentException.ThrowIfNullOrEmpty(WalPath);
        if (GossipInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GossipInterval), GossipInterval, "The gossip interval must be positive.");
        }

        if (BehindThreshold < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(BehindThreshold), BehindThreshold, "At least 2: one height behind is caught up by gossip.");
        }
    }
}
