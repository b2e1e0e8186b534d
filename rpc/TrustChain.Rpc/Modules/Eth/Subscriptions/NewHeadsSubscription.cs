using TrustChain.Chain.Blocks;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;

namespace TrustChain.Rpc.Modules.Eth.Subscriptions;

/// <summary>eth_subscribe("newHeads"): the header of every committed block.</summary>
public sealed class NewHeadsSubscription(Blockchain chain, int queueLimit) : QueuedSubscription<BlockHeader>(queueLimit)
{
    protected override void AttachSource() => chain.BlockCommitted += OnBlockCommitted;

    protected override void DetachSource() => chain.BlockCommitted -= OnBlockCommitted;

    protected override void Deliver(BlockHeader item) => Notify(new JsonResult(w => HeaderJson.Write(w, item)));

    private void OnBlockCommitted(Block block, IReadOnlyList<TxReceipt> receipts) => Enqueue(block.Header);
}
