using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Blocks;

/// <summary>
/// Strict block decoding (layout in <see cref="BlockEncoder"/>). Malformed RLP throws <see cref="RlpException"/>,
/// a malformed transaction <see cref="TransactionDecodeException"/>. Senders are not recovered here.
/// </summary>
public static class BlockDecoder
{
    public static Block Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader outer = new(encoded);
        RlpReader r = outer.ReadList();
        outer.CheckEnd();

        BlockHeader header = HeaderDecoder.Read(ref r);

        RlpReader txReader = r.ReadList();
        List<Transaction> transactions = [];
        while (txReader.HasMore)
        {
            transactions.Add(TransactionDecoder.DecodeFromBlock(ref txReader));
        }

        Commit? commit = null;
        if (!r.IsNextList)
        {
            throw new RlpException("Block lastCommit must be a list.");
        }

        ReadOnlySpan<byte> commitItem = r.ReadEncodedItem();
        if (commitItem.Length != 1)
        {
            commit = Commit.Decode(commitItem);
        }

        RlpReader evidenceReader = r.ReadList();
        List<byte[]> evidence = [];
        while (evidenceReader.HasMore)
        {
            evidence.Add(evidenceReader.ReadByteArray());
        }

        r.CheckEnd();
        return new Block(header, transactions, commit, evidence);
    }
}
