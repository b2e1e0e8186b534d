using TrustChain.Chain.Blocks;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>
/// A producer builds one valid block 1; the follower is shown corrupted variants of it. The follower is shared by
/// all cases: it must never write anything, so each case also checks that earlier rejections left no trace.
/// </summary>
[TestFixture]
public sealed class InvalidBlockTests
{
    private TempChain _producer = null!;
    private TempChain _follower = null!;
    private Block _good = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _producer = new TempChain();
        _follower = new TempChain();
        _good = _producer.Chain.BuildBlock(Proposer, _producer.Chain.Head.Timestamp + 1000, null, [Transfer(Key1, 0, 1)]).Block;
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _producer.Dispose();
        _follower.Dispose();
    }

    [Test]
    public void The_untampered_block_is_valid()
    {
        Assert.That(((IBlockApplication)_follower.Chain).Validate(_good, out string? error), Is.True, error);
    }

    private static IEnumerable<TestCaseData> Tampered()
    {
        yield return Case("stateRoot", h => Copy(h, x => new BlockHeader { StateRoot = Keccak(1) }));
        yield return Case("receiptsRoot", h => Copy(h, x => new BlockHeader { ReceiptsRoot = Keccak(2) }));
        yield return Case("transactionsRoot", h => Copy(h, x => new BlockHeader { TransactionsRoot = Keccak(3) }));
        yield return Case("gasUsed", h => Copy(h, x => new BlockHeader { GasUsed = x.GasUsed + 1 }));
        yield return Case("baseFeePerGas", h => Copy(h, x => new BlockHeader { BaseFeePerGas = x.BaseFeePerGas + 1 }));
        yield return Case("timestamp", h => Copy(h, x => new BlockHeader { Timestamp = 1767225600000 }));
        yield return Case("parentHash", h => Copy(h, x => new BlockHeader { ParentHash = Keccak(4) }));
        yield return Case("gasLimit", h => Copy(h, x => new BlockHeader { GasLimit = x.GasLimit + 1 }));
        yield return Case("humanSetRoot", h => Copy(h, x => new BlockHeader { HumanSetRoot = Keccak(5) }));
        yield return Case("validatorsHash", h => Copy(h, x => new BlockHeader { ValidatorsHash = Keccak(6) }));
        yield return Case("nextValidatorsHash", h => Copy(h, x => new BlockHeader { NextValidatorsHash = Keccak(7) }));
        yield return Case("logsBloom", h => Copy(h, x => new BlockHeader { LogsBloom = new Bloom(Enumerable.Repeat((byte)0xff, 256).ToArray()) }));
    }

    private static TestCaseData Case(string field, Func<BlockHeader, BlockHeader> tamper) => new TestCaseData(field, tamper).SetName("tampered " + field);

    /// <summary>Copies <paramref name="h"/>, taking the one field set in the template returned by <paramref name="change"/>.</summary>
    private static BlockHeader Copy(BlockHeader h, Func<BlockHeader, BlockHeader> change)
    {
        BlockHeader t = change(h);
        return CopyHeader(h, c => new BlockHeader
        {
            ParentHash = t.ParentHash == default ? c.ParentHash : t.ParentHash,
            Number = c.Number,
            Timestamp = t.Timestamp == 0 ? c.Timestamp : t.Timestamp,
            Proposer = c.Proposer,
            StateRoot = t.StateRoot == default ? c.StateRoot : t.StateRoot,
            TransactionsRoot = t.TransactionsRoot == default ? c.TransactionsRoot : t.TransactionsRoot,
            ReceiptsRoot = t.ReceiptsRoot == default ? c.ReceiptsRoot : t.ReceiptsRoot,
            LogsBloom = t.LogsBloom.IsEmpty ? c.LogsBloom : t.LogsBloom,
            GasLimit = t.GasLimit == 0 ? c.GasLimit : t.GasLimit,
            GasUsed = t.GasUsed == 0 ? c.GasUsed : t.GasUsed,
            BaseFeePerGas = t.BaseFeePerGas.IsZero ? c.BaseFeePerGas : t.BaseFeePerGas,
            ValidatorsHash = t.ValidatorsHash == default ? c.ValidatorsHash : t.ValidatorsHash,
            NextValidatorsHash = t.NextValidatorsHash == default ? c.NextValidatorsHash : t.NextValidatorsHash,
            LastCommitHash = c.LastCommitHash,
            HumanSetRoot = t.HumanSetRoot == default ? c.HumanSetRoot : t.HumanSetRoot,
        });
    }

    [TestCaseSource(nameof(Tampered))]
    public void Block_with_a_wrong_header_field_is_rejected_and_nothing_is_written(string field, Func<BlockHeader, BlockHeader> tamper)
    {
        TempChain follower = _follower;
        Block good = _good;
        Block bad = new(tamper(good.Header), good.Transactions, good.LastCommit, good.Evidence);
        BlockHeader headBefore = follower.Chain.Head;

        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => follower.Chain.ProcessBlock(bad))!;
        Assert.That(e.Reason, Does.Contain(field));
        Assert.Multiple(() =>
        {
            Assert.That(((IBlockApplication)follower.Chain).Validate(bad, out string? error), Is.False);
            Assert.That(error, Does.Contain(field));
            Assert.Throws<InvalidBlockException>(() => follower.Chain.Commit(bad, CommitFor(bad)));
            Assert.That(follower.Chain.Head.Hash, Is.EqualTo(headBefore.Hash));
            Assert.That(follower.Chain.GetBlock(1), Is.Null);
            Assert.That(follower.Chain.GetTransaction(good.Transactions[0].Hash), Is.Null);
        });
    }

    private static IEnumerable<TestCaseData> InvalidTransactions()
    {
        yield return new TestCaseData(Transfer(Key2, 3, 1), "nonce too high").SetName("block with a future-nonce tx");
        yield return new TestCaseData(Transfer(PoorKey, 0, 1), "insufficient funds").SetName("block with an unfunded tx");
    }

    [TestCaseSource(nameof(InvalidTransactions))]
    public void Block_containing_an_invalid_transaction_is_rejected_and_nothing_is_written(Transaction invalid, string reason)
    {
        Block good = _good;
        Block bad = new(good.Header, [good.Transactions[0], invalid], good.LastCommit, good.Evidence);
        TempChain fresh = _follower;
        Hash256 rootBefore = fresh.Chain.Head.StateRoot;

        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => fresh.Chain.ProcessBlock(bad))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Does.Contain(reason));
            Assert.That(e.Reason, Does.Contain(invalid.Hash.ToString()));
            Assert.That(fresh.Chain.Head.Number, Is.EqualTo(0));
            Assert.That(fresh.Chain.HeadState.StateRoot, Is.EqualTo(rootBefore));
            Assert.That(fresh.Chain.HeadState.GetAccount(Key1.Address).Nonce, Is.EqualTo(0));
            Assert.That(fresh.Chain.GetTransaction(good.Transactions[0].Hash), Is.Null);
        });
    }

    [Test]
    public void A_validated_header_does_not_vouch_for_a_different_body()
    {
        IBlockApplication app = _follower.Chain;
        Assert.That(app.Validate(_good, out _), Is.True);
        Block swapped = new(_good.Header, [Transfer(Key2, 0, 1)], _good.LastCommit, _good.Evidence);
        Assert.That(app.Validate(swapped, out string? error), Is.False);
        Assert.That(error, Does.Contain("transactionsRoot"));
    }

    private static Hash256 Keccak(int i) => TrustChain.Core.Crypto.Keccak256.Compute(BitConverter.GetBytes(i));
}
