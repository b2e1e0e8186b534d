using System.Buffers.Binary;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Network.Protocol;

namespace TrustChain.Network.Tests;

public class SyncMessagesTests
{
    [Test]
    public void Status_round_trips()
    {
        Assert.That(SyncMessages.DecodeStatus(SyncMessages.EncodeStatus(123_456_789_012)), Is.EqualTo(123_456_789_012UL));
    }

    [Test]
    public void GetBlocks_round_trips_in_its_documented_layout()
    {
        byte[] encoded = SyncMessages.EncodeGetBlocks(new GetBlocksRequest(7, 1000, 32));

        Assert.That(Convert.ToHexString(encoded), Is.EqualTo("0000000000000007" + "00000000000003E8" + "00000020"));
        Assert.That(SyncMessages.DecodeGetBlocks(encoded), Is.EqualTo(new GetBlocksRequest(7, 1000, 32)));
    }

    [Test]
    public void Blocks_round_trip_with_their_commits()
    {
        List<(Block, Commit)> blocks = [Sample(1), Sample(2), Sample(3)];

        BlocksResponse decoded = SyncMessages.DecodeBlocks(SyncMessages.EncodeBlocks(99, blocks, 1 << 20));

        Assert.That(decoded.RequestId, Is.EqualTo(99UL));
        Assert.That(decoded.Blocks.Select(b => b.Block.Hash), Is.EqualTo(blocks.Select(b => b.Item1.Hash)));
        Assert.That(decoded.Blocks.Select(b => b.Commit.Hash), Is.EqualTo(blocks.Select(b => b.Item2.Hash)));
    }

    [Test]
    public void Blocks_stop_at_the_byte_budget_but_always_carry_one()
    {
        List<(Block, Commit)> blocks = [Sample(1), Sample(2), Sample(3)];
        int one = SyncMessages.EncodeBlocks(1, blocks.Take(1).ToList(), int.MaxValue).Length;

        Assert.That(SyncMessages.DecodeBlocks(SyncMessages.EncodeBlocks(1, blocks, one + 10)).Blocks, Has.Count.EqualTo(1));
        Assert.That(SyncMessages.DecodeBlocks(SyncMessages.EncodeBlocks(1, blocks, 1)).Blocks, Has.Count.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadStatus()
    {
        yield return new TestCaseData(new byte[7]).SetName("Status of 7 bytes");
        yield return new TestCaseData(new byte[9]).SetName("Status of 9 bytes");
    }

    [TestCaseSource(nameof(BadStatus))]
    public void Malformed_status_is_refused(byte[] payload) =>
        Assert.That(() => SyncMessages.DecodeStatus(payload), Throws.TypeOf<SyncMessageException>().With.Message.Contains("8 bytes"));

    [TestCase(0u, 1UL, "0 blocks", TestName = "Request for no blocks")]
    [TestCase(257u, 1UL, "257 blocks", TestName = "Request over the cap")]
    [TestCase(4u, 0UL, "genesis", TestName = "Request from block 0")]
    public void Malformed_request_is_refused(uint count, ulong from, string message)
    {
        byte[] payload = new byte[20];
        BinaryPrimitives.WriteUInt64BigEndian(payload.AsSpan(8), from);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(16), count);

        Assert.That(() => SyncMessages.DecodeGetBlocks(payload), Throws.TypeOf<SyncMessageException>().With.Message.Contains(message));
    }

    private static IEnumerable<TestCaseData> BadBlocks()
    {
        byte[] good = SyncMessages.EncodeBlocks(5, [Sample(1)], 1 << 20);
        yield return new TestCaseData(good[..11], "at least 12 bytes").SetName("Response shorter than its header");
        yield return new TestCaseData(good[..^1], "claims").SetName("Truncated commit");
        yield return new TestCaseData(good.Concat(new byte[] { 0 }).ToArray(), "trailing").SetName("Trailing byte");
        byte[] lyingCount = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(lyingCount.AsSpan(8), 2);
        yield return new TestCaseData(lyingCount, "truncated before").SetName("Count larger than the items");
        byte[] hugeCount = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(hugeCount.AsSpan(8), uint.MaxValue);
        yield return new TestCaseData(hugeCount, "at most 256").SetName("Count over the cap, checked before allocating");
        byte[] hugeLength = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(hugeLength.AsSpan(12), uint.MaxValue);
        yield return new TestCaseData(hugeLength, "claims 4294967295 bytes").SetName("Block length beyond the payload");
        byte[] garbage = (byte[])good.Clone();
        garbage[16] ^= 0xff;
        yield return new TestCaseData(garbage, "does not decode").SetName("Block RLP corrupted");
    }

    [TestCaseSource(nameof(BadBlocks))]
    public void Malformed_blocks_response_is_refused(byte[] payload, string message) =>
        Assert.That(() => SyncMessages.DecodeBlocks(payload), Throws.TypeOf<SyncMessageException>().With.Message.Contains(message));

    private static (Block, Commit) Sample(ulong number)
    {
        PrivateKey key = new(Keccak256.Compute("sync sample"u8).Bytes);
        BlockHeader header = new()
        {
            ParentHash = Keccak256.Compute(BitConverter.GetBytes(number - 1)),
            Number = number,
            Timestamp = 1_700_000_000_000 + number,
            Proposer = key.Address,
            StateRoot = Keccak256.Compute(BitConverter.GetBytes(number)),
            GasLimit = 30_000_000,
            BaseFeePerGas = 1_000_000_000UL,
        };
        Block block = new(header, [], null, []);
        Hash256 signBytes = Keccak256.Compute(block.Hash.Bytes);
        Commit commit = new(number, 0, block.Hash, [new CommitSignature(key.Address, key.Sign(signBytes).ToBytes65())]);
        return (block, commit);
    }
}
