namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// A validator's downtime window: commits observed since tracking (re)started and how many of the last
/// min(observed, downtimeWindow) it missed.
/// </summary>
public readonly record struct SigningInfo(ulong Observed, ulong Missed);
