using System.Text;
using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Typed storage of one contract. Integers are stored big-endian without leading zeros and zero values delete their
/// slot, so unset and zero read the same and cleared entries leave nothing behind in the state tree.
/// Constructed over an <see cref="IStateReader"/> it is read-only (RPC and other contracts' reads); writes then, or in a
/// view call, revert with "state modification not allowed in a read-only call".
/// </summary>
public sealed class ContractStorage
{
    public const string ReadOnlyReason = "state modification not allowed in a read-only call";

    private readonly IStateReader _reader;
    private readonly WorldState? _writer;

    public ContractStorage(IStateReader state, Address contract)
    {
        ArgumentNullException.ThrowIfNull(state);
        _reader = state;
        Contract = contract;
    }

    public ContractStorage(WorldState state, Address contract, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(state);
        _reader = state;
        _writer = readOnly ? null : state;
        Contract = contract;
    }

    public Address Contract { get; }

    public bool IsReadOnly => _writer is null;

    public UInt256 GetUInt256(StorageSlot slot) => Read(slot) is { } bytes ? new UInt256(bytes) : UInt256.Zero;

    public void SetUInt256(StorageSlot slot, in UInt256 value)
    {
        Span<byte> buffer = stackalloc byte[32];
        int length = value.WriteBigEndianTrimmed(buffer);
        Write(slot, buffer[..length]);
    }

    public ulong GetUInt64(StorageSlot slot)
    {
        UInt256 value = GetUInt256(slot);
        return value.IsUInt64 ? value.U0 : throw new InvalidOperationException($"storage slot {slot} holds {value}, more than 64 bits");
    }

    public void SetUInt64(StorageSlot slot, ulong value) => SetUInt256(slot, value);

    public bool GetBool(StorageSlot slot) => Read(slot) is not null;

    public void SetBool(StorageSlot slot, bool value) => Write(slot, value ? [1] : []);

    public Address GetAddress(StorageSlot slot) => Read(slot) is { Length: Address.Length } bytes ? new Address(bytes) : Address.Zero;

    public void SetAddress(StorageSlot slot, Address value) => Write(slot, value.IsZero ? [] : value.Bytes);

    public Hash256 GetHash(StorageSlot slot) => Read(slot) is { Length: Hash256.Length } bytes ? new Hash256(bytes) : Hash256.Zero;

    public void SetHash(StorageSlot slot, in Hash256 value) => Write(slot, value.IsZero ? [] : value.Bytes);

    /// <summary>A copy of the stored bytes; empty when unset (empty and unset are the same).</summary>
    public byte[] GetBytes(StorageSlot slot) => Read(slot) is { } bytes ? (byte[])bytes.Clone() : [];

    public void SetBytes(StorageSlot slot, ReadOnlySpan<byte> value) => Write(slot, value);

    public string GetString(StorageSlot slot) => Read(slot) is { } bytes ? Encoding.UTF8.GetString(bytes) : "";

    public void SetString(StorageSlot slot, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Write(slot, Encoding.UTF8.GetBytes(value));
    }

    public bool IsSet(StorageSlot slot) => Read(slot) is not null;

    public void Clear(StorageSlot slot) => Write(slot, []);

    private byte[]? Read(StorageSlot slot) => _reader.GetStorage(Contract, slot.Key.Bytes);

    private void Write(StorageSlot slot, ReadOnlySpan<byte> value)
    {
        if (_writer is null)
        {
            throw new ContractRevertException(ReadOnlyReason);
        }

        _writer.SetStorage(Contract, slot.Key.Bytes, value);
    }
}
