using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Consensus.Dev;

/// <summary>A block the producer committed, with how long proposing + signing + committing took.</summary>
public sealed record ProducedBlock(Block Block, IReadOnlyList<TxReceipt> Receipts, Commit Commit, TimeSpan Elapsed);
