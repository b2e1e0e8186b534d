using TrustChain.Core;

namespace TrustChain.Node.Hosting;

/// <summary>What `init` reports: the network, its genesis hash and the head of the initialised data dir.</summary>
public sealed record BlockSummary(string Network, ulong ChainId, Hash256 GenesisHash, ulong HeadNumber);
