using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>Read access to one state root.</summary>
public interface IStateReader
{
    Hash256 StateRoot { get; }

    /// <summary>Absent accounts read as <see cref="Account.Empty"/>.</summary>
    Account GetAccount(Address a);

    /// <summary>Null when the slot is unset. The returned array is shared: treat it as read-only.</summary>
    byte[]? GetStorage(Address contract, ReadOnlySpan<byte> slot);
}
