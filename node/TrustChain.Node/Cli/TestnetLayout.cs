namespace TrustChain.Node.Cli;

/// <summary>What `testnet init` wrote: the shared genesis and one directory per node.</summary>
public sealed record TestnetLayout(string GenesisPath, IReadOnlyList<TestnetNode> Nodes);
