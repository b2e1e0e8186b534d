using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>One key's new value; null deletes. <see cref="ValueHash"/> is precomputed once per update.</summary>
internal readonly struct TreeUpdate
{
    public TreeUpdate(Hash256 key, byte[]? value, bool replacesExisting = false)
    {
        Key = key;
        Value = value;
        ReplacesExisting = replacesExisting;
        ValueHash = value is null ? Hash256.Zero : TreeHasher.Value(value);
    }

    public Hash256 Key { get; }

    public byte[]? Value { get; }

    public Hash256 ValueHash { get; }

    /// <summary>
    /// The caller knows the key is present in the base tree with a different value. Then the leaf on the key's path
    /// must be the key's own, so the update needs no read of the old leaf.
    /// </summary>
    public bool ReplacesExisting { get; }
}
