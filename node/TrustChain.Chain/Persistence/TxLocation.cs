using TrustChain.Core;

namespace TrustChain.Chain.Persistence;

/// <summary>Where a committed transaction sits: its block and its position in that block.</summary>
public readonly record struct TxLocation(Hash256 BlockHash, ulong BlockNumber, int Index);
