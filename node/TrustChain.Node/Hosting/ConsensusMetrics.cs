using TrustChain.Consensus.Driver;
using TrustChain.Rpc.Metrics;

namespace TrustChain.Node.Hosting;

/// <summary>
/// The consensus gauges at /metrics: height, round and step of the running driver, read at scrape time. The driver
/// comes and goes (a network node drops it while block-syncing), so the gauges read 0 while none runs.
/// </summary>
public static class ConsensusMetrics
{
    public static void Register(MetricsRegistry registry, Func<ConsensusDriver?> driver)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(driver);
        registry.Gauge(MetricNames.ConsensusHeight, "Height the consensus engine is deciding (0 while syncing or not a consensus node).",
            () => driver()?.Height ?? 0);
        registry.Gauge(MetricNames.ConsensusRound, "Round of the current height; above 0 means earlier rounds failed to decide.",
            () => driver()?.Round ?? 0);
        registry.Gauge(MetricNames.ConsensusStep, "Step within the round: 0 new height (commit wait), 1 propose, 2 prevote, 3 precommit.",
            () => driver() is { } d ? (double)d.Step : 0);
    }
}
