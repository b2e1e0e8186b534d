using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>One key's new value; null deletes. <see cref="ValueHash"/> is precomputed once per update.</summary>
internal readonly struct TreeUpdate
{
    public TreeUpdate(Hash256 key, byte[]? value)
    {
        Key = key;
        Value = value;
        ValueHash = value is null ? Hash256.Zero : TreeHasher.Value(value);
    }

    public Hash256 Key { get; }

    public byte[]? Value { get; }

    public Hash256 ValueHash { get; }
}
