using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Receipts;

/// <summary>
/// Consensus receipt encoding as in Ethereum: rlp([status, cumulativeGasUsed, bloom, logs]), prefixed with
/// the type byte for typed transactions. Decoding is strict and throws <see cref="RlpException"/>.
/// </summary>
public static class ReceiptCodec
{
    public static byte[] Encode(TxReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.StatusCode > 1)
        {
            throw new ArgumentException($"Receipt status must be 0 or 1, got {receipt.StatusCode}.", nameof(receipt));
        }

        int logsContent = 0;
        foreach (LogEntry log in receipt.Logs)
        {
            logsContent += log.RlpLength;
        }

        int content = LengthOf((ulong)receipt.StatusCode) + LengthOf(receipt.CumulativeGasUsed)
            + LengthOf(receipt.Bloom.Bytes) + LengthOfList(logsContent);
        int prefix = receipt.TxType == TxType.Legacy ? 0 : 1;
        byte[] result = new byte[prefix + LengthOfList(content)];
        RlpWriter writer = new(result);
        if (prefix == 1)
        {
            writer.WriteEncoded([(byte)receipt.TxType]);
        }

        writer.WriteListHeader(content);
        writer.WriteUInt64(receipt.StatusCode);
        writer.WriteUInt64(receipt.CumulativeGasUsed);
        writer.WriteBytes(receipt.Bloom.Bytes);
        writer.WriteListHeader(logsContent);
        foreach (LogEntry log in receipt.Logs)
        {
            log.Write(ref writer);
        }

        return result;
    }

    /// <summary>Decodes the consensus fields; the non-consensus fields are left at their defaults.</summary>
    public static TxReceipt Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new RlpException("Empty receipt encoding.");
        }

        TxType type = TxType.Legacy;
        if (encoded[0] < 0x80)
        {
            type = encoded[0] switch
            {
                1 => TxType.AccessList,
                2 => TxType.Eip1559,
                _ => throw new RlpException($"Unsupported receipt type 0x{encoded[0]:x2}."),
            };
            encoded = encoded[1..];
        }

        RlpReader outer = new(encoded);
        RlpReader r = outer.ReadList();
        outer.CheckEnd();
        ulong status = r.ReadUInt64();
        if (status > 1)
        {
            throw new RlpException($"Receipt status must be 0 or 1, got {status}.");
        }

        ulong cumulativeGas = r.ReadUInt64();
        ReadOnlySpan<byte> bloomBytes = r.ReadBytes();
        if (bloomBytes.Length != Bloom.ByteLength)
        {
            throw new RlpException($"Receipt bloom must be {Bloom.ByteLength} bytes, got {bloomBytes.Length}.");
        }

        RlpReader logsReader = r.ReadList();
        List<LogEntry> logs = [];
        while (logsReader.HasMore)
        {
            logs.Add(LogEntry.Read(ref logsReader));
        }

        r.CheckEnd();
        return new TxReceipt
        {
            TxType = type,
            StatusCode = (byte)status,
            CumulativeGasUsed = cumulativeGas,
            Bloom = new Bloom(bloomBytes),
            Logs = logs,
        };
    }

    /// <summary>Leaf for the receipts root: keccak of the consensus encoding.</summary>
    public static Hash256 ConsensusHash(TxReceipt receipt) => Keccak256.Compute(Encode(receipt));
}
