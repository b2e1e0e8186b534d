using System.Text;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Chain.Persistence;

/// <summary>
/// Storage form of a block's receipts: rlp([[consensusReceipt, txHash, sender, recipient|"", gasUsed,
/// effectiveGasPrice, error|""], ...]). Keeping sender and tx hash here lets receipt and log queries avoid reading
/// the block body and recovering signatures.
/// </summary>
public static class StoredReceiptCodec
{
    public static byte[] Encode(IReadOnlyList<TxReceipt> receipts)
    {
        byte[][] consensus = new byte[receipts.Count][];
        byte[][] errors = new byte[receipts.Count][];
        int[] itemLengths = new int[receipts.Count];
        int content = 0;
        for (int i = 0; i < receipts.Count; i++)
        {
            TxReceipt r = receipts[i];
            consensus[i] = ReceiptCodec.Encode(r);
            errors[i] = r.Error is null ? [] : Encoding.UTF8.GetBytes(r.Error);
            itemLengths[i] = LengthOf(consensus[i]) + LengthOf(r.TxHash) + LengthOf(r.Sender) + LengthOf(r.Recipient)
                + LengthOf(r.GasUsed) + LengthOf(r.EffectiveGasPrice) + LengthOf(errors[i]);
            content += LengthOfList(itemLengths[i]);
        }

        byte[] result = new byte[LengthOfList(content)];
        RlpWriter writer = new(result);
        writer.WriteListHeader(content);
        for (int i = 0; i < receipts.Count; i++)
        {
            TxReceipt r = receipts[i];
            writer.WriteListHeader(itemLengths[i]);
            writer.WriteBytes(consensus[i]);
            writer.WriteHash(r.TxHash);
            writer.WriteAddress(r.Sender);
            writer.WriteAddress(r.Recipient);
            writer.WriteUInt64(r.GasUsed);
            writer.WriteUInt256(r.EffectiveGasPrice);
            writer.WriteBytes(errors[i]);
        }

        return result;
    }

    public static TxReceipt[] Decode(ReadOnlySpan<byte> encoded, Hash256 blockHash, ulong blockNumber)
    {
        RlpReader outer = new(encoded);
        RlpReader list = outer.ReadList();
        outer.CheckEnd();
        List<TxReceipt> receipts = [];
        while (list.HasMore)
        {
            RlpReader item = list.ReadList();
            TxReceipt consensus = ReceiptCodec.Decode(item.ReadBytes());
            Hash256 txHash = item.ReadHash256();
            Address sender = item.ReadAddress();
            Address? recipient = item.ReadAddressOrNull();
            ulong gasUsed = item.ReadUInt64();
            UInt256 price = item.ReadUInt256();
            ReadOnlySpan<byte> error = item.ReadBytes();
            item.CheckEnd();
            receipts.Add(new TxReceipt
            {
                TxType = consensus.TxType,
                StatusCode = consensus.StatusCode,
                CumulativeGasUsed = consensus.CumulativeGasUsed,
                GasUsed = gasUsed,
                Bloom = consensus.Bloom,
                Logs = consensus.Logs,
                TxHash = txHash,
                EffectiveGasPrice = price,
                BlockHash = blockHash,
                BlockNumber = blockNumber,
                TxIndex = receipts.Count,
                Sender = sender,
                Recipient = recipient,
                Error = error.IsEmpty ? null : Encoding.UTF8.GetString(error),
            });
        }

        return [.. receipts];
    }
}
