namespace TrustChain.Storage;

/// <summary>A failure reported by RocksDB itself; <see cref="NativeMessage"/> is RocksDB's status text.</summary>
public sealed class RocksDbException : Exception
{
    public RocksDbException(string operation, string nativeMessage)
        : base($"RocksDB {operation} failed: {nativeMessage}")
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    public RocksDbException(string operation, string nativeMessage, Exception innerException)
        : base($"RocksDB {operation} failed: {nativeMessage}", innerException)
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>What this library was doing, e.g. "open" or "write".</summary>
    public string Operation { get; }

    /// <summary>The status message RocksDB returned, e.g. "IO error: While lock file: ...".</summary>
    public string NativeMessage { get; }
}
