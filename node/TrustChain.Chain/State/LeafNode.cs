using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>A decoded leaf: the full key (the path only pins a prefix) and the value it maps to.</summary>
internal sealed class LeafNode
{
    public LeafNode(Hash256 key, byte[] value, Hash256 valueHash)
    {
        Key = key;
        Value = value;
        ValueHash = valueHash;
    }

    public Hash256 Key { get; }

    public byte[] Value { get; }

    public Hash256 ValueHash { get; }
}
