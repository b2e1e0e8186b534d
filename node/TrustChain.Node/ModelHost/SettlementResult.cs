using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>One settle() the host sent: the user, the receipt's count, the wei that left escrow and the transaction.</summary>
public sealed record SettlementResult(Address User, ulong CumulativeCalls, UInt256 Amount, Hash256 Transaction);
