using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// A mapping in contract storage. Keys are hashed with the map's id (32 bytes) in front; fixed-size keys are written
/// as 32-byte ABI words, variable-size keys (bytes, string) as their raw bytes — unambiguous because the id has a fixed
/// length. Maps nest: <c>allowances.Map(owner)[spender]</c>.
/// </summary>
public sealed class StorageMap
{
    private readonly Hash256 _id;

    private StorageMap(Hash256 id) => _id = id;

    public static StorageMap Named(string name) => new(StorageSlot.Named(name).Key);

    public StorageSlot this[Address key]
    {
        get
        {
            Span<byte> word = stackalloc byte[32];
            word.Clear();
            key.CopyTo(word[12..]);
            return Entry(word);
        }
    }

    public StorageSlot this[UInt256 key]
    {
        get
        {
            Span<byte> word = stackalloc byte[32];
            key.ToBigEndian(word);
            return Entry(word);
        }
    }

    public StorageSlot this[Hash256 key] => Entry(key.Bytes);

    public StorageSlot this[string key] => Entry(Encoding.UTF8.GetBytes(key));

    public StorageSlot Entry(ReadOnlySpan<byte> key)
    {
        Span<byte> preimage = key.Length <= 224 ? stackalloc byte[32 + key.Length] : new byte[32 + key.Length];
        _id.CopyTo(preimage);
        key.CopyTo(preimage[32..]);
        return new StorageSlot(Keccak256.Compute(preimage));
    }

    /// <summary>The inner map stored under <paramref name="key"/>.</summary>
    public StorageMap Map(Address key) => new(this[key].Key);

    public StorageMap Map(UInt256 key) => new(this[key].Key);

    public StorageMap Map(Hash256 key) => new(this[key].Key);
}
