using TrustChain.Core.Transactions;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>
/// eth_subscribe("newPendingTransactions"[, fullTx]): the hash of each transaction that becomes pending, or with
/// fullTx the whole transaction object in geth's pending shape (null block fields).
/// </summary>
public sealed class NewPendingTransactionsSubscription(ChainTxPool pool, bool fullTransactions, int queueLimit)
    : QueuedSubscription<Transaction>(queueLimit)
{
    public bool FullTransactions { get; } = fullTransactions;

    protected override void AttachSource() => pool.TransactionAdded += Enqueue;

    protected override void DetachSource() => pool.TransactionAdded -= Enqueue;

    protected override void Deliver(Transaction item)
    {
        if (FullTransactions)
        {
            Notify(new JsonResult(w => EthJson.WriteTransaction(w, item, null)));
        }
        else
        {
            Notify(EthJson.HashHex(item.Hash));
        }
    }
}
