using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>A mined, successful contract transaction and its logs.</summary>
public sealed record ContractReceipt(Hash256 Hash, ulong BlockNumber, ulong GasUsed, IReadOnlyList<ContractLog> Logs);
