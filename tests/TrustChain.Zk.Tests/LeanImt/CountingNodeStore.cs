using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Zk.Tests.LeanImt;

/// <summary>Wraps the in-memory store and counts node traffic, to check that changes touch O(depth) nodes.</summary>
public sealed class CountingNodeStore : ILeanImtNodeStore
{
    private readonly InMemoryLeanImtNodeStore _inner = new();

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public ulong Size { get => _inner.Size; set => _inner.Size = value; }

    public int Depth { get => _inner.Depth; set => _inner.Depth = value; }

    public void ResetCounters() => Reads = Writes = 0;

    public Fr? GetNode(int level, ulong index)
    {
        Reads++;
        return _inner.GetNode(level, index);
    }

    public void SetNode(int level, ulong index, in Fr value)
    {
        Writes++;
        _inner.SetNode(level, index, value);
    }

    public bool TryGetLeafIndex(in Fr leaf, out ulong index) => _inner.TryGetLeafIndex(leaf, out index);

    public void SetLeafIndex(in Fr leaf, ulong index) => _inner.SetLeafIndex(leaf, index);

    public void RemoveLeafIndex(in Fr leaf) => _inner.RemoveLeafIndex(leaf);
}
