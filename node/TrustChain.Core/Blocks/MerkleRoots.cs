using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Blocks;

/// <summary>
/// Binary Keccak Merkle root in the RFC 6962 shape: leaf node = keccak(0x00 || leaf), inner node =
/// keccak(0x01 || left || right); the domain bytes stop a leaf from posing as an inner node. Levels are built
/// bottom-up and an odd last node is promoted unchanged (never duplicated), which gives the same root as
/// RFC 6962's largest-power-of-two split. The empty list's root is keccak(rlp("")) = 0x56e81f…b421.
/// </summary>
public static class MerkleRoots
{
    public static Hash256 EmptyRoot => Keccak256.OfEmptyRlpString;

    public static Hash256 Compute(IReadOnlyList<Hash256> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            return EmptyRoot;
        }

        Hash256[] level = new Hash256[leaves.Count];
        Span<byte> buffer = stackalloc byte[1 + 2 * Hash256.Length];
        buffer[0] = 0x00;
        for (int i = 0; i < leaves.Count; i++)
        {
            leaves[i].CopyTo(buffer[1..]);
            level[i] = Keccak256.Compute(buffer[..(1 + Hash256.Length)]);
        }

        int count = level.Length;
        buffer[0] = 0x01;
        while (count > 1)
        {
            int next = 0;
            for (int i = 0; i + 1 < count; i += 2)
            {
                level[i].CopyTo(buffer[1..]);
                level[i + 1].CopyTo(buffer[(1 + Hash256.Length)..]);
                level[next++] = Keccak256.Compute(buffer);
            }

            if ((count & 1) == 1)
            {
                level[next++] = level[count - 1];
            }

            count = next;
        }

        return level[0];
    }

    public static Hash256 TransactionsRoot(IReadOnlyList<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        Hash256[] leaves = new Hash256[transactions.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = transactions[i].Hash;
        }

        return Compute(leaves);
    }

    public static Hash256 ReceiptsRoot(IReadOnlyList<TxReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        Hash256[] leaves = new Hash256[receipts.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = ReceiptCodec.ConsensusHash(receipts[i]);
        }

        return Compute(leaves);
    }
}
