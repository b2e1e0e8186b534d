using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>Stake on its way out: withdrawable once the block number reaches <see cref="ReleaseBlock"/>.</summary>
public readonly record struct UnbondingEntry(UInt256 Amount, ulong ReleaseBlock);
