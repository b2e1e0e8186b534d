using TrustChain.Core;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// The human set's LeanIMT nodes in HumanRegistry storage: one slot per node keyed by (level, index), plus the size,
/// the depth and the live leaf → index map. <see cref="LeanImtTree"/> touches O(depth) of them per insert or update,
/// so the tree is never loaded whole. A removed leaf is stored as zero, which deletes its slot; positions below the
/// level's node count therefore read as zero rather than missing.
/// </summary>
public sealed class StorageLeanImtNodeStore : ILeanImtNodeStore
{
    private static readonly StorageSlot SizeSlot = StorageSlot.Named("human.tree.size");
    private static readonly StorageSlot DepthSlot = StorageSlot.Named("human.tree.depth");
    private static readonly StorageMap NodeMap = StorageMap.Named("human.tree.node");
    private static readonly StorageMap LeafIndexMap = StorageMap.Named("human.tree.leafIndex");

    private readonly ContractStorage _storage;

    public StorageLeanImtNodeStore(ContractStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    public ulong Size
    {
        get => _storage.GetUInt64(SizeSlot);
        set => _storage.SetUInt64(SizeSlot, value);
    }

    public int Depth
    {
        get => (int)_storage.GetUInt64(DepthSlot);
        set => _storage.SetUInt64(DepthSlot, (ulong)value);
    }

    public Fr? GetNode(int level, ulong index)
    {
        UInt256 word = _storage.GetUInt256(NodeSlot(level, index));
        if (word.IsZero)
        {
            return index < LevelCount(level) ? Fr.Zero : null;
        }

        return FieldWords.TryToFr(word, out Fr node)
            ? node
            : throw new InvalidOperationException($"HumanRegistry tree node ({level}, {index}) holds {word}, which is not a field element");
    }

    public void SetNode(int level, ulong index, in Fr value) => _storage.SetUInt256(NodeSlot(level, index), FieldWords.ToWord(value));

    public bool TryGetLeafIndex(in Fr leaf, out ulong index)
    {
        ulong stored = _storage.GetUInt64(LeafIndexMap[FieldWords.ToWord(leaf)]);
        index = stored - 1;
        return stored != 0;
    }

    // Stored as index + 1 so that leaf 0's index is distinguishable from an absent entry.
    public void SetLeafIndex(in Fr leaf, ulong index) => _storage.SetUInt64(LeafIndexMap[FieldWords.ToWord(leaf)], index + 1);

    public void RemoveLeafIndex(in Fr leaf) => _storage.Clear(LeafIndexMap[FieldWords.ToWord(leaf)]);

    private static StorageSlot NodeSlot(int level, ulong index) => NodeMap[new UInt256(index, (ulong)level)];

    private ulong LevelCount(int level)
    {
        ulong size = Size;
        if (level >= 64)
        {
            return size == 0 ? 0UL : 1UL;
        }

        ulong count = size >> level;
        return (size & ((1UL << level) - 1)) != 0 ? count + 1 : count;
    }
}
