using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.Tests.State;

/// <summary>
/// Naive, independent statement of the tree's definition: recompute the whole root from the sorted key set.
/// No subtree: zero hash; one key: keccak(0x00||key||keccak(value)); more: keccak(0x01||left||right), split on
/// the next key bit. The collapse rule falls out of "one key → leaf" at the shallowest unique prefix.
/// </summary>
internal sealed class ReferenceSparseMerkleTree
{
    private readonly SortedDictionary<Hash256, byte[]> _entries = [];

    public int Count => _entries.Count;

    public IEnumerable<Hash256> Keys => _entries.Keys;

    public void Set(Hash256 key, byte[]? value)
    {
        if (value is null || value.Length == 0)
        {
            _entries.Remove(key);
        }
        else
        {
            _entries[key] = value;
        }
    }

    public byte[]? Get(Hash256 key) => _entries.TryGetValue(key, out byte[]? value) ? value : null;

    public Hash256 Root()
    {
        List<KeyValuePair<Hash256, byte[]>> items = [.. _entries];
        return Hash(items, 0);
    }

    private static Hash256 Hash(List<KeyValuePair<Hash256, byte[]>> items, int depth)
    {
        if (items.Count == 0)
        {
            return Hash256.Zero;
        }

        if (items.Count == 1)
        {
            byte[] leaf = [0x00, .. items[0].Key.Bytes, .. Keccak256.Compute(items[0].Value).Bytes];
            return Keccak256.Compute(leaf);
        }

        List<KeyValuePair<Hash256, byte[]>> left = [];
        List<KeyValuePair<Hash256, byte[]>> right = [];
        foreach (KeyValuePair<Hash256, byte[]> item in items)
        {
            bool bit = (item.Key.Bytes[depth / 8] & (0x80 >> (depth % 8))) != 0;
            (bit ? right : left).Add(item);
        }

        byte[] node = [0x01, .. Hash(left, depth + 1).Bytes, .. Hash(right, depth + 1).Bytes];
        return Keccak256.Compute(node);
    }
}
