using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.State;

/// <summary>
/// Domain-separated 32-byte tree keys. The leading domain byte keeps an account key from ever equalling a
/// storage key, and hashing spreads keys uniformly so the sparse tree stays balanced (depth ≈ log2 n).
/// </summary>
public static class StateKeys
{
    public const byte AccountDomain = 0x00;
    public const byte StorageDomain = 0x01;

    /// <summary>Slots longer than this are rejected so a contract bug cannot make the key preimage unbounded.</summary>
    public const int MaxSlotLength = 1024;

    public static Hash256 Account(Address address)
    {
        Span<byte> preimage = stackalloc byte[1 + Address.Length];
        preimage[0] = AccountDomain;
        address.Bytes.CopyTo(preimage[1..]);
        return Keccak256.Compute(preimage);
    }

    public static Hash256 Storage(Address contract, ReadOnlySpan<byte> slot)
    {
        if (slot.Length > MaxSlotLength)
        {
            throw new ArgumentException($"Storage slot is {slot.Length} bytes; at most {MaxSlotLength} allowed.", nameof(slot));
        }

        int length = 1 + Address.Length + slot.Length;
        Span<byte> preimage = length <= 256 ? stackalloc byte[length] : new byte[length];
        preimage[0] = StorageDomain;
        contract.Bytes.CopyTo(preimage[1..]);
        slot.CopyTo(preimage[(1 + Address.Length)..]);
        return Keccak256.Compute(preimage);
    }
}
