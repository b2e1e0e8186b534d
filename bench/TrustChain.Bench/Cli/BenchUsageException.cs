namespace TrustChain.Bench.Cli;

/// <summary>A subcommand was given an unknown option or a value it cannot use.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
