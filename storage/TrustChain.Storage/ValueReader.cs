namespace TrustChain.Storage;

/// <summary>
/// Consumes a value in place (zero-copy). <paramref name="value"/> points into RocksDB-owned memory and is
/// valid only during the call; copy out whatever must outlive it.
/// </summary>
public delegate TResult ValueReader<in TState, out TResult>(ReadOnlySpan<byte> value, TState state);
