using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// A human-set root a proof may use: the current root (<see cref="IsCurrent"/>), or a past one with the last block in
/// which it was current. A past root is accepted up to block LastCurrentBlock + rootHistoryBlocks inclusive.
/// </summary>
public readonly record struct RootHistoryEntry(UInt256 Root, ulong LastCurrentBlock, bool IsCurrent);
