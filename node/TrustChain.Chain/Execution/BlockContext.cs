using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>The block-level values a transaction or system contract may observe while executing.</summary>
public readonly record struct BlockContext(ulong Number, ulong Timestamp, Address Proposer, ulong ChainId, UInt256 BaseFee);
