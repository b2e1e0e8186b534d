using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Blocks;

/// <summary>A committed transaction (sender filled in) and where it is.</summary>
public sealed record TransactionLookup(Transaction Transaction, Hash256 BlockHash, ulong BlockNumber, int Index);
