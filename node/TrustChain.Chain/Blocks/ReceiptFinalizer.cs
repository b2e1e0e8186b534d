using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Blocks;

/// <summary>Receipts are produced before the header is sealed; this stamps them with the block hash afterwards.</summary>
public static class ReceiptFinalizer
{
    public static IReadOnlyList<TxReceipt> WithBlock(IReadOnlyList<TxReceipt> receipts, Hash256 blockHash, ulong blockNumber)
    {
        TxReceipt[] result = new TxReceipt[receipts.Count];
        for (int i = 0; i < result.Length; i++)
        {
            TxReceipt r = receipts[i];
            result[i] = new TxReceipt
            {
                TxType = r.TxType,
                StatusCode = r.StatusCode,
                CumulativeGasUsed = r.CumulativeGasUsed,
                GasUsed = r.GasUsed,
                Bloom = r.Bloom,
                Logs = r.Logs,
                TxHash = r.TxHash,
                ContractAddress = r.ContractAddress,
                EffectiveGasPrice = r.EffectiveGasPrice,
                BlockHash = blockHash,
                BlockNumber = blockNumber,
                TxIndex = i,
                Sender = r.Sender,
                Recipient = r.Recipient,
                Error = r.Error,
            };
        }

        return result;
    }
}
