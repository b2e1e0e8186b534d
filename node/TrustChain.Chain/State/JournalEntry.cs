using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>The dirty-map state of one key before a write, so <see cref="WorldState.Restore"/> can put it back.</summary>
internal readonly struct JournalEntry
{
    private JournalEntry(bool isAccount, Address address, Hash256 key, bool existed, Account previousAccount, byte[]? previousValue)
    {
        IsAccount = isAccount;
        Address = address;
        Key = key;
        Existed = existed;
        PreviousAccount = previousAccount;
        PreviousValue = previousValue;
    }

    public bool IsAccount { get; }

    public Address Address { get; }

    public Hash256 Key { get; }

    /// <summary>Whether the key was dirty before; if not, undo removes it so reads fall through to the base again.</summary>
    public bool Existed { get; }

    public Account PreviousAccount { get; }

    public byte[]? PreviousValue { get; }

    public static JournalEntry ForAccount(Address address, bool existed, Account previous) =>
        new(true, address, Hash256.Zero, existed, previous, null);

    public static JournalEntry ForStorage(in Hash256 key, bool existed, byte[]? previous) =>
        new(false, Address.Zero, key, existed, Account.Empty, previous);
}
