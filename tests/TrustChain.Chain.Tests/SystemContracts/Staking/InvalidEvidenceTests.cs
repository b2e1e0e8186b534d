using TrustChain.Chain.Blocks;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.ValidatorHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// A block whose evidence the chain does not accept is invalid, names the item and the reason, and changes nothing;
/// the builder leaves the same items out. One chain at height 43 (block 44 is judged) serves every case.
/// </summary>
[TestFixture]
public sealed class InvalidEvidenceTests
{
    private const ulong Head = 43;

    private ValidatorHarness _v = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _v = new ValidatorHarness();
        _v.ProduceUntil(Head);
    }

    [OneTimeTearDown]
    public void Stop() => _v.Dispose();

    public static IEnumerable<TestCaseData> Cases()
    {
        PrivateKey outsider = new(Keccak256.Compute("not-a-validator"u8).Bytes);
        yield return Case("Wrong signer", "signature is not", DoubleSign(Key1, 10, signer: Key2));
        yield return Case("Other chain", "signature is not", DoubleSign(Key1, 10, chainId: 1));
        yield return Case("Future height", "is not a past height", DoubleSign(Key1, Head + 1));
        yield return Case("Older than unbonding", "older than the unbonding period", DoubleSign(Key1, Head + 1 - UnbondingBlocks - 1));
        yield return Case("Not a validator", "is not a validator", DoubleSign(outsider, 10));
        yield return Case("Malformed", "malformed", [0xc2, 0xc0, 0xc0]);
        yield return Case("Same item twice", "already included in block 44", DoubleSign(Key1, 10), DoubleSign(Key1, 10));
        yield return Case("Two offences of one validator", "already tombstoned", DoubleSign(Key1, 10), DoubleSign(Key1, 11));
        yield return Case("Too many items", "at most 16", Enumerable.Range(1, 17).Select(h => DoubleSign(Key1, (ulong)h)).ToArray());
    }

    [TestCaseSource(nameof(Cases))]
    public void Block_with_unacceptable_evidence_is_invalid(string reason, byte[][] evidence)
    {
        BlockHeader head = _v.Chain.Head;
        Block forged = _v.ForgedWith(evidence);
        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => _v.Chain.ProcessBlock(forged))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain(reason));
            Assert.That(e.Message, Does.Contain("evidence["));
            Assert.That(_v.Chain.Head.Hash, Is.EqualTo(head.Hash));
            Assert.That(_v.StakeOf(Key1), Is.EqualTo(Stakes[1]));
        });
    }

    [Test]
    public void Builder_keeps_only_acceptable_items_one_per_validator_in_order()
    {
        byte[] key2 = DoubleSign(Key2, 20);
        byte[] key0 = DoubleSign(Key0, 30);
        byte[][] candidates =
        [
            [0x01],
            DoubleSign(Key1, 10, signer: Key2),
            key2,
            DoubleSign(Key2, 21),
            DoubleSign(Key1, Head + 1),
            key0,
        ];
        Assert.That(_v.Build(All, candidates).Block.Evidence, Is.EqualTo(new[] { key2, key0 }));
    }

    [Test]
    public void Block_with_evidence_on_a_chain_without_an_evidence_handler_is_invalid()
    {
        using TempChain plain = new();
        plain.Produce();
        plain.Produce();
        Block built = plain.Chain.BuildBlock(Proposer, plain.Chain.Head.Timestamp + 1000, null, []).Block;
        Block forged = new(built.Header, built.Transactions, built.LastCommit, [DoubleSign(Key0, 1)]);
        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => plain.Chain.ProcessBlock(forged))!;
        Assert.That(e.Message, Does.Contain("no evidence handler"));
    }

    private static TestCaseData Case(string name, string reason, params byte[][] evidence) =>
        new TestCaseData(reason, evidence).SetName(name);
}
