using TrustChain.Core;

namespace TrustChain.Node.Tx;

/// <summary>The hash of a sent transaction, plus its receipt's outcome when the sender waited for it.</summary>
public sealed record SendResult(Hash256 Hash, bool? Succeeded, ulong? BlockNumber, ulong? GasUsed);
