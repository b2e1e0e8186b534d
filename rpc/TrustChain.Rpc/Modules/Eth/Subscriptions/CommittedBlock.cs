using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>A block and its receipts as the chain announced them.</summary>
public readonly record struct CommittedBlock(Block Block, IReadOnlyList<TxReceipt> Receipts);
