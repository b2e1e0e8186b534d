using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Persistence;

/// <summary>A log found by <see cref="BlockStore.FindLogs"/>, with the positions eth_getLogs reports.</summary>
public sealed record FilteredLog(LogEntry Log, ulong BlockNumber, Hash256 BlockHash, Hash256 TransactionHash, int TransactionIndex, int LogIndex);
