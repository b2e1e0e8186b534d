using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>A requested replacement of a human's commitment, executable by anyone from <see cref="ExecuteBlock"/> on.</summary>
public sealed record PendingRecovery(ulong HumanIndex, UInt256 NewCommitment, ulong ExecuteBlock, Address Operator);
