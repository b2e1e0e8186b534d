namespace TrustChain.Storage.Tests;

/// <summary>Byte-wise lexicographic order, the managed model of RocksDB's default comparator.</summary>
internal sealed class ByteKeyComparer : IComparer<byte[]>
{
    public static ByteKeyComparer Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
