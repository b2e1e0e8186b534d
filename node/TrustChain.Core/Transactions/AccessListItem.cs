namespace TrustChain.Core.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage keys it pre-declares.</summary>
public sealed record AccessListItem(Address Address, IReadOnlyList<Hash256> StorageKeys);
