namespace TrustChain.Consensus.Tests.Simulation;

/// <summary>Wall clock of the simulation: virtual milliseconds after a fixed epoch.</summary>
public sealed class VirtualClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000);

    public long NowMs { get; set; }

    public override DateTimeOffset GetUtcNow() => Epoch.AddMilliseconds(NowMs);
}
