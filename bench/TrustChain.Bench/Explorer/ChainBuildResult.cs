namespace TrustChain.Bench.Explorer;

/// <summary>What <see cref="ExplorerChainBuilder.Build"/> left in the data dir and how long adding it took.</summary>
public readonly record struct ChainBuildResult(ulong Height, ulong BlocksAdded, long Transactions, TimeSpan Elapsed);
