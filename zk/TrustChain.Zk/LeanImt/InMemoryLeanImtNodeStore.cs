using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.LeanImt;

/// <summary>Keeps every level in a growable array; nodes are written in index order or overwritten.</summary>
public sealed class InMemoryLeanImtNodeStore : ILeanImtNodeStore
{
    private readonly List<List<Fr>> _levels = [];
    private readonly Dictionary<Fr, ulong> _leafIndex = [];

    public ulong Size { get; set; }

    public int Depth { get; set; }

    public Fr? GetNode(int level, ulong index)
    {
        if (level < 0 || level >= _levels.Count || index >= (ulong)_levels[level].Count)
        {
            return null;
        }

        return _levels[level][(int)index];
    }

    public void SetNode(int level, ulong index, in Fr value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        while (_levels.Count <= level)
        {
            _levels.Add([]);
        }

        List<Fr> nodes = _levels[level];
        if (index < (ulong)nodes.Count)
        {
            nodes[(int)index] = value;
        }
        else if (index == (ulong)nodes.Count && index < int.MaxValue)
        {
            nodes.Add(value);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Level {level} has {nodes.Count} nodes; the in-memory store only appends in order.");
        }
    }

    public bool TryGetLeafIndex(in Fr leaf, out ulong index) => _leafIndex.TryGetValue(leaf, out index);

    public void SetLeafIndex(in Fr leaf, ulong index) => _leafIndex[leaf] = index;

    public void RemoveLeafIndex(in Fr leaf) => _leafIndex.Remove(leaf);

    /// <summary>Pre-sizes level 0 and the leaf index before a large batch insert.</summary>
    public void EnsureCapacity(int leaves)
    {
        if (_levels.Count == 0)
        {
            _levels.Add([]);
        }

        _levels[0].EnsureCapacity(leaves);
        _leafIndex.EnsureCapacity(leaves);
    }
}
