using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Tests.Receipts;

public class ReceiptCodecTests
{
    [TestCase(TxType.Legacy, (byte)1)]
    [TestCase(TxType.AccessList, (byte)0)]
    [TestCase(TxType.Eip1559, (byte)1)]
    public void EncodeDecode_RoundTrips(TxType type, byte status)
    {
        LogEntry log = new(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), [Hash256.FromUInt256(1), Hash256.FromUInt256(2)], new byte[70]);
        TxReceipt receipt = new() { TxType = type, StatusCode = status, CumulativeGasUsed = 123_456, Bloom = Bloom.FromLogs([log]), Logs = [log, log] };
        byte[] encoded = ReceiptCodec.Encode(receipt);
        Assert.That(encoded[0], type == TxType.Legacy ? Is.GreaterThanOrEqualTo(0xC0) : Is.EqualTo((byte)type));

        TxReceipt decoded = ReceiptCodec.Decode(encoded);
        Assert.That(decoded.TxType, Is.EqualTo(type));
        Assert.That(decoded.StatusCode, Is.EqualTo(status));
        Assert.That(decoded.CumulativeGasUsed, Is.EqualTo(123_456UL));
        Assert.That(decoded.Bloom, Is.EqualTo(receipt.Bloom));
        Assert.That(decoded.Logs, Has.Count.EqualTo(2));
        Assert.That(decoded.Logs[1].Topics, Is.EqualTo(log.Topics));
        Assert.That(decoded.Logs[1].Data, Is.EqualTo(log.Data));
        Assert.That(ReceiptCodec.Encode(decoded), Is.EqualTo(encoded));
    }

    [Test]
    public void Decode_RejectsBadInput()
    {
        byte[] good = ReceiptCodec.Encode(new TxReceipt { StatusCode = 1, CumulativeGasUsed = 1 });
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([.. good, 0x80]));
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([0x05, .. good]));
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode([]));
        // status 2
        byte[] bad = (byte[])good.Clone();
        int statusIndex = Array.IndexOf(bad, (byte)0x01);
        bad[statusIndex] = 0x02;
        Assert.Throws<RlpException>(() => ReceiptCodec.Decode(bad));
    }
}
