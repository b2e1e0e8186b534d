namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// Timeouts grow linearly with the round, timeout(r) = base + r·delta, so that after GST some round's timeouts are
/// long enough for honest validators to hear each other. <see cref="Commit"/> is the pause after a decision
/// (collecting late precommits, letting the block propagate) before round 0 of the next height.
/// </summary>
public sealed record TimeoutParams
{
    public TimeSpan ProposeBase { get; init; } = TimeSpan.FromMilliseconds(3000);

    public TimeSpan ProposeDelta { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan PrevoteBase { get; init; } = TimeSpan.FromMilliseconds(1000);

    public TimeSpan PrevoteDelta { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan PrecommitBase { get; init; } = TimeSpan.FromMilliseconds(1000);

    public TimeSpan PrecommitDelta { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// <see cref="Timeout.InfiniteTimeSpan"/>: a decided height waits until the driver is told to go on
    /// (<c>SkipCommitWait</c>), e.g. a dev chain that makes no empty blocks.
    /// </summary>
    public TimeSpan Commit { get; init; } = TimeSpan.FromMilliseconds(1000);

    public TimeSpan Propose(int round) => ProposeBase + (ProposeDelta * round);

    public TimeSpan Prevote(int round) => PrevoteBase + (PrevoteDelta * round);

    public TimeSpan Precommit(int round) => PrecommitBase + (PrecommitDelta * round);

    public void Validate()
    {
        if (ProposeBase <= TimeSpan.Zero || PrevoteBase <= TimeSpan.Zero || PrecommitBase <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ProposeBase), "Base timeouts must be positive.");
        }

        if (ProposeDelta < TimeSpan.Zero || PrevoteDelta < TimeSpan.Zero || PrecommitDelta < TimeSpan.Zero || (Commit < TimeSpan.Zero && Commit != Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(ProposeDelta), "Timeout deltas and the commit timeout must not be negative.");
        }
    }
}
