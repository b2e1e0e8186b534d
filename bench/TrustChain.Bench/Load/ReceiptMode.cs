namespace TrustChain.Bench.Load;

public enum ReceiptMode
{
    /// <summary>eth_getBlockReceipts for every new block (one call per block, batched).</summary>
    Block,

    /// <summary>eth_getTransactionReceipt for outstanding hashes, oldest first, batched (for nodes without block receipts).</summary>
    Hash,
}
