using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Blocks;

/// <summary>RLP of a header: [parentHash, number, timestamp, proposer, stateRoot, transactionsRoot, receiptsRoot,
/// logsBloom, gasLimit, gasUsed, baseFeePerGas, validatorsHash, nextValidatorsHash, lastCommitHash, humanSetRoot].</summary>
public static class HeaderEncoder
{
    private const int HashItem = 1 + Hash256.Length;

    public static int GetLength(BlockHeader header) => LengthOfList(ContentLength(header));

    public static byte[] Encode(BlockHeader header)
    {
        byte[] result = new byte[GetLength(header)];
        RlpWriter writer = new(result);
        Write(ref writer, header);
        return result;
    }

    public static void Write(ref RlpWriter writer, BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        writer.WriteListHeader(ContentLength(header));
        writer.WriteHash(header.ParentHash);
        writer.WriteUInt64(header.Number);
        writer.WriteUInt64(header.Timestamp);
        writer.WriteAddress(header.Proposer);
        writer.WriteHash(header.StateRoot);
        writer.WriteHash(header.TransactionsRoot);
        writer.WriteHash(header.ReceiptsRoot);
        writer.WriteBytes(header.LogsBloom.Bytes);
        writer.WriteUInt64(header.GasLimit);
        writer.WriteUInt64(header.GasUsed);
        writer.WriteUInt256(header.BaseFeePerGas);
        writer.WriteHash(header.ValidatorsHash);
        writer.WriteHash(header.NextValidatorsHash);
        writer.WriteHash(header.LastCommitHash);
        writer.WriteHash(header.HumanSetRoot);
    }

    private static int ContentLength(BlockHeader header) =>
        8 * HashItem
        + LengthOf(header.Number) + LengthOf(header.Timestamp) + 1 + Address.Length
        + LengthOfHeader(Bloom.ByteLength) + Bloom.ByteLength
        + LengthOf(header.GasLimit) + LengthOf(header.GasUsed) + LengthOf(header.BaseFeePerGas);
}
