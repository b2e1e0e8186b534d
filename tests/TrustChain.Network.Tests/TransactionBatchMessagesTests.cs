using System.Buffers.Binary;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Network.Protocol;

namespace TrustChain.Network.Tests;

public class TransactionBatchMessagesTests
{
    private static readonly PrivateKey Key = new(Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));

    [Test]
    public void A_batch_round_trips_in_its_documented_layout()
    {
        byte[][] raw = [Raw(0), Raw(1), Raw(2)];

        byte[] encoded = TransactionBatchMessages.Encode(raw);

        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(encoded), Is.EqualTo(3u));
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(encoded.AsSpan(4)), Is.EqualTo((uint)raw[0].Length));
        Assert.That(encoded.AsSpan(8, raw[0].Length).SequenceEqual(raw[0]), Is.True);
        Assert.That(encoded, Has.Length.EqualTo(4 + raw.Sum(r => 4 + r.Length)));
        Transaction[] decoded = TransactionBatchMessages.Decode(encoded);
        Assert.That(decoded.Select(t => t.Hash), Is.EqualTo(raw.Select(r => Keccak256.Compute(r))));
        Assert.That(decoded.Select(t => t.Nonce), Is.EqualTo(new ulong[] { 0, 1, 2 }));
    }

    [Test]
    public void A_slice_of_the_list_encodes_only_that_slice()
    {
        byte[][] raw = [Raw(0), Raw(1), Raw(2), Raw(3)];

        Transaction[] decoded = TransactionBatchMessages.Decode(TransactionBatchMessages.Encode(raw, 1, 2));

        Assert.That(decoded.Select(t => t.Nonce), Is.EqualTo(new ulong[] { 1, 2 }));
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        byte[] one = Raw(0);
        byte[] good = TransactionBatchMessages.Encode([one]);
        yield return new TestCaseData(new byte[3], "4-byte count").SetName("Shorter than the count");
        yield return new TestCaseData(Batch(0), "0 transactions").SetName("Empty batch");
        yield return new TestCaseData(Batch(TransactionBatchMessages.MaxTransactionsPerBatch + 1), "8193 transactions").SetName("Count over the cap");
        yield return new TestCaseData(Batch(1000, new byte[20]), "claims 1000 transactions").SetName("Count the payload cannot hold");
        yield return new TestCaseData(good[..^1], "claims").SetName("Truncated transaction");
        yield return new TestCaseData(Batch(2, Prefixed(one), new byte[3]), "no length prefix").SetName("Missing length prefix");
        yield return new TestCaseData(Batch(2, Prefixed(one), new byte[4], new byte[2]), "claims 0 bytes").SetName("Zero-length transaction");
        yield return new TestCaseData(Batch(1, Prefixed(one), new byte[1]), "trailing").SetName("Trailing bytes");
        yield return new TestCaseData(Batch(1, Prefixed([0xc1, 0x80])), "does not decode").SetName("Undecodable transaction");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_batches_are_refused(byte[] payload, string message) =>
        Assert.That(() => TransactionBatchMessages.Decode(payload),
            Throws.TypeOf<TransactionBatchException>().With.Message.Contains(message));

    [TestCase(0)]
    [TestCase(TransactionBatchMessages.MaxTransactionsPerBatch + 1)]
    public void Encoding_refuses_counts_outside_the_cap(int count) =>
        Assert.That(() => TransactionBatchMessages.Encode(Enumerable.Repeat(Raw(0), Math.Max(count, 1)).ToArray(), 0, count),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    private static byte[] Raw(ulong nonce) => TransactionEncoder.Encode(TransactionSigner.Sign(new Transaction
    {
        Type = TxType.Eip1559,
        ChainId = 7357,
        Nonce = nonce,
        MaxPriorityFeePerGas = 1_000_000_000UL,
        MaxFeePerGas = 3_000_000_000UL,
        GasLimit = 21_000,
        To = new Address(new byte[20]),
        Value = 1UL,
    }, Key));

    private static byte[] Prefixed(byte[] raw)
    {
        byte[] entry = new byte[4 + raw.Length];
        BinaryPrimitives.WriteUInt32BigEndian(entry, (uint)raw.Length);
        raw.CopyTo(entry, 4);
        return entry;
    }

    private static byte[] Batch(int count, params byte[][] parts)
    {
        byte[] header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)count);
        return [.. header, .. parts.SelectMany(p => p)];
    }
}
