using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Tests.Transactions;

public class TransactionRoundTripTests
{
    private static readonly PrivateKey Key = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static IEnumerable<TestCaseData> Unsigned()
    {
        Address to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        yield return new TestCaseData(new Transaction { Type = TxType.Legacy, ChainId = 1337, Nonce = 5, GasPrice = 1_000_000_000UL, GasLimit = 21000, To = to, Value = UInt256.Parse("1000000000000000000") }).SetName("legacy155");
        yield return new TestCaseData(new Transaction { Type = TxType.Legacy, ChainId = null, Nonce = 0, GasPrice = 1, GasLimit = 53000, To = null, Data = [0x60, 0x00] }).SetName("legacyUnprotectedCreate");
        yield return new TestCaseData(new Transaction
        {
            Type = TxType.AccessList, ChainId = 7, Nonce = 1, GasPrice = 9, GasLimit = 60000, To = to, Data = new byte[100],
            AccessList = [new AccessListItem(to, [Hash256.Zero, Keccak256.OfEmpty]), new AccessListItem(Address.Zero, [])],
        }).SetName("accessList");
        yield return new TestCaseData(new Transaction { Type = TxType.Eip1559, ChainId = 424242, Nonce = ulong.MaxValue - 1, MaxPriorityFeePerGas = 2, MaxFeePerGas = 100, GasLimit = 30_000_000, To = to, Value = UInt256.MaxValue }).SetName("eip1559");
    }

    [TestCaseSource(nameof(Unsigned))]
    public void SignEncodeDecodeRecover_RoundTrips(Transaction unsigned)
    {
        Transaction signed = TransactionSigner.Sign(unsigned, Key);
        Assert.That(signed.Sender, Is.EqualTo(Key.Address));
        byte[] raw = TransactionEncoder.Encode(signed);
        Assert.That(raw.Length, Is.EqualTo(TransactionEncoder.GetEncodedLength(signed)));

        Transaction decoded = TransactionDecoder.Decode(raw);
        Assert.That(decoded.Hash, Is.EqualTo(Keccak256.Compute(raw)));
        Assert.That(decoded.Hash, Is.EqualTo(signed.Hash));
        Assert.That(decoded.ChainId, Is.EqualTo(unsigned.ChainId));
        Assert.That(decoded.AccessList.Count, Is.EqualTo(unsigned.AccessList.Count));
        Assert.That(SenderRecovery.TryRecover(decoded, unsigned.ChainId, out string? error), Is.EqualTo(Key.Address), error);
        Assert.That(TransactionEncoder.Encode(decoded), Is.EqualTo(raw));

        if (unsigned.ChainId is { } chainId)
        {
            Assert.That(SenderRecovery.TryRecover(decoded, chainId + 1, out error), Is.Null);
            Assert.That(error, Is.EqualTo(TxErrors.InvalidChainId));
        }
    }

    [TestCase("0x", TxErrors.RlpError)]
    [TestCase("0x03c0", TxErrors.TypeNotSupported)]
    [TestCase("0x80", TxErrors.RlpError)]
    [TestCase("0xc0", TxErrors.RlpTooFewElements)]
    [TestCase("0x02c0", TxErrors.RlpTooFewElements)]
    [TestCase("0x0280", TxErrors.RlpError)]
    public void Decode_Malformed_ThrowsWithReason(string hex, string reason)
    {
        TransactionDecodeException e = Assert.Throws<TransactionDecodeException>(() => TransactionDecoder.Decode(Hex.FromHexString(hex)))!;
        Assert.That(e.Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Decode_TrailingBytesAndBadTo_Rejected()
    {
        Transaction signed = TransactionSigner.Sign(new Transaction { Type = TxType.Eip1559, ChainId = 1, GasLimit = 21000, To = Address.Zero }, Key);
        byte[] raw = TransactionEncoder.Encode(signed);
        byte[] trailing = [.. raw, 0x80];
        Assert.That(Assert.Throws<TransactionDecodeException>(() => TransactionDecoder.Decode(trailing))!.Reason, Is.EqualTo(TxErrors.RlpTrailingBytes));

        // A legacy transaction whose "to" is 19 bytes.
        byte[] bad = TrustChain.Core.Rlp.Rlp.EncodeList(
            [0x80], [0x80], [0x82, 0x52, 0x08], TrustChain.Core.Rlp.Rlp.Encode(new byte[19]), [0x80], [0x80], [0x25], [0x01], [0x01]);
        Assert.That(Assert.Throws<TransactionDecodeException>(() => TransactionDecoder.Decode(bad))!.Reason, Is.EqualTo(TxErrors.RlpInvalidTo));
    }
}
