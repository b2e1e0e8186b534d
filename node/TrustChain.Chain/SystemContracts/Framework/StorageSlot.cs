using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// The key of one storage value of a contract. Named slots are keccak(name); map entries are keccak(mapId ‖ key),
/// mirroring Solidity's mapping layout, so distinct names and keys cannot collide.
/// </summary>
public readonly struct StorageSlot : IEquatable<StorageSlot>
{
    public StorageSlot(Hash256 key) => Key = key;

    public Hash256 Key { get; }

    public static StorageSlot Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new StorageSlot(Keccak256.Compute(System.Text.Encoding.UTF8.GetBytes(name)));
    }

    public bool Equals(StorageSlot other) => Key == other.Key;

    public override bool Equals(object? obj) => obj is StorageSlot other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode();

    public override string ToString() => Key.ToString();

    public static bool operator ==(StorageSlot a, StorageSlot b) => a.Equals(b);

    public static bool operator !=(StorageSlot a, StorageSlot b) => !a.Equals(b);
}
