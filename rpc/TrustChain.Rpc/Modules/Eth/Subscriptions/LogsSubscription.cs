using TrustChain.Chain.Blocks;
using TrustChain.Chain.Persistence;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>
/// eth_subscribe("logs", {address, topics}): one notification per matching log of each committed block, in block
/// order, with the same matching rules as eth_getLogs. The chain does not reorganise, so "removed" is always false.
/// </summary>
public sealed class LogsSubscription : QueuedSubscription<CommittedBlock>
{
    private readonly Blockchain _chain;
    private readonly LogFilter _filter;

    public LogsSubscription(Blockchain chain, IReadOnlyList<Address>? addresses, IReadOnlyList<IReadOnlyList<Hash256>?> topics, int queueLimit)
        : base(queueLimit)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
        // The range is unused: matching is per log, blocks arrive one at a time.
        _filter = new LogFilter(0, 0, addresses, topics);
    }

    protected override void AttachSource() => _chain.BlockCommitted += OnBlockCommitted;

    protected override void DetachSource() => _chain.BlockCommitted -= OnBlockCommitted;

    protected override void Deliver(CommittedBlock item)
    {
        Block block = item.Block;
        IReadOnlyList<TxReceipt> receipts = item.Receipts;
        Hash256 blockHash = block.Hash;
        int logIndex = 0;
        for (int r = 0; r < receipts.Count; r++)
        {
            TxReceipt receipt = receipts[r];
            IReadOnlyList<LogEntry> logs = receipt.Logs;
            for (int i = 0; i < logs.Count; i++, logIndex++)
            {
                LogEntry log = logs[i];
                if (!_filter.Matches(log))
                {
                    continue;
                }

                int index = logIndex;
                if (!Notify(new JsonResult(w => EthJson.WriteLog(w, log, blockHash, block.Number, receipt.TxHash, receipt.TxIndex, index))))
                {
                    return;
                }
            }
        }
    }

    private void OnBlockCommitted(Block block, IReadOnlyList<TxReceipt> receipts) => Enqueue(new CommittedBlock(block, receipts));
}
