using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;

namespace TrustChain.Core.Blocks;

/// <summary>Strict header decoding (see <see cref="HeaderEncoder"/> for the layout); throws <see cref="RlpException"/>.</summary>
public static class HeaderDecoder
{
    public static BlockHeader Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        BlockHeader header = Read(ref reader);
        reader.CheckEnd();
        return header;
    }

    public static BlockHeader Read(ref RlpReader reader)
    {
        ReadOnlySpan<byte> encoded = reader.ReadEncodedItem();
        RlpReader outer = new(encoded);
        RlpReader r = outer.ReadList();
        Hash256 parentHash = r.ReadHash256();
        ulong number = r.ReadUInt64();
        ulong timestamp = r.ReadUInt64();
        Address proposer = r.ReadAddress();
        Hash256 stateRoot = r.ReadHash256();
        Hash256 txRoot = r.ReadHash256();
        Hash256 receiptsRoot = r.ReadHash256();
        ReadOnlySpan<byte> bloom = r.ReadBytes();
        if (bloom.Length != Bloom.ByteLength)
        {
            throw new RlpException($"Header logsBloom must be {Bloom.ByteLength} bytes, got {bloom.Length}.");
        }

        BlockHeader header = new()
        {
            ParentHash = parentHash,
            Number = number,
            Timestamp = timestamp,
            Proposer = proposer,
            StateRoot = stateRoot,
            TransactionsRoot = txRoot,
            ReceiptsRoot = receiptsRoot,
            LogsBloom = new Bloom(bloom),
            GasLimit = r.ReadUInt64(),
            GasUsed = r.ReadUInt64(),
            BaseFeePerGas = r.ReadUInt256(),
            ValidatorsHash = r.ReadHash256(),
            NextValidatorsHash = r.ReadHash256(),
            LastCommitHash = r.ReadHash256(),
            HumanSetRoot = r.ReadHash256(),
        };
        if (r.HasMore)
        {
            throw new RlpException("Header has extra fields.");
        }

        header.SetHash(Keccak256.Compute(encoded));
        return header;
    }
}
