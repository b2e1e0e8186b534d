using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Blocks;

/// <summary>
/// Block RLP for storage and network: [header, [txs], lastCommit, [evidence]]. Legacy transactions are embedded
/// as their list, typed ones as an RLP byte string holding type || rlp (as in Ethereum). A missing commit is the empty list.
/// </summary>
public static class BlockEncoder
{
    public static byte[] Encode(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        int txContent = 0;
        foreach (Transaction tx in block.Transactions)
        {
            txContent += TransactionEncoder.LengthInBlock(tx);
        }

        int evidenceContent = 0;
        foreach (byte[] item in block.Evidence)
        {
            evidenceContent += LengthOf(item);
        }

        int commitLength = block.LastCommit?.RlpLength ?? 1;
        int content = HeaderEncoder.GetLength(block.Header) + LengthOfList(txContent) + commitLength + LengthOfList(evidenceContent);
        byte[] result = new byte[LengthOfList(content)];
        RlpWriter writer = new(result);
        writer.WriteListHeader(content);
        HeaderEncoder.Write(ref writer, block.Header);
        writer.WriteListHeader(txContent);
        foreach (Transaction tx in block.Transactions)
        {
            TransactionEncoder.WriteInBlock(ref writer, tx);
        }

        if (block.LastCommit is { } commit)
        {
            commit.Write(ref writer);
        }
        else
        {
            writer.WriteListHeader(0);
        }

        writer.WriteListHeader(evidenceContent);
        foreach (byte[] item in block.Evidence)
        {
            writer.WriteBytes(item);
        }

        if (!writer.IsFull)
        {
            throw new InvalidOperationException("Block encoding length mismatch.");
        }

        return result;
    }
}
