using TrustChain.Core;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>Where a mined transaction sits, plus its block's base fee (for the effective gas price).</summary>
public readonly record struct TransactionPosition(Hash256 BlockHash, ulong BlockNumber, int Index, UInt256 BaseFee);
