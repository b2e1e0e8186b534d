using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Reads one committed root through the tree only. Versioned nodes are immutable, so this stays consistent
/// while newer blocks commit, until its root is pruned (then reads throw <see cref="StateCorruptionException"/>).
/// </summary>
internal sealed class TreeStateReader : IStateReader
{
    private readonly SparseMerkleTree _tree;
    private readonly NodeRef _root;

    public TreeStateReader(SparseMerkleTree tree, in StateRootInfo root)
    {
        _tree = tree;
        _root = root.RootRef;
        StateRoot = root.Root;
    }

    public Hash256 StateRoot { get; }

    public Account GetAccount(Address a)
    {
        byte[]? value = _tree.Get(_root, StateKeys.Account(a));
        return value is null ? Account.Empty : AccountEncoding.Decode(value);
    }

    public byte[]? GetStorage(Address contract, ReadOnlySpan<byte> slot) => _tree.Get(_root, StateKeys.Storage(contract, slot));
}
