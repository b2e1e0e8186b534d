namespace TrustChain.Chain.Persistence;

/// <summary>A log query that exceeds the configured range or result limits.</summary>
public sealed class LogQueryException(string message) : Exception(message);
