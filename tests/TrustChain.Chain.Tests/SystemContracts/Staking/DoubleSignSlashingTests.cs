using System.Numerics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.ValidatorHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>Double-sign evidence carried by real blocks: slashed to the wei, tombstoned, never twice.</summary>
[TestFixture]
public sealed class DoubleSignSlashingTests
{
    [Test]
    public void Evidence_in_a_block_slashes_five_percent_and_tombstones()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(3);
        byte[] evidence = DoubleSign(Key1, 2);
        UInt256 contractBefore = v.H.ContractBalance;

        ExecutedBlock block = v.Produce(evidence: [evidence]);

        // 5% of 500,000 TRUST + 123,457 wei, rounded down: computed here without the contract's arithmetic.
        UInt256 slashed = UInt256.FromBigInteger((BigInteger)Stakes[1] * 500 / 10_000);
        Assert.Multiple(() =>
        {
            Assert.That(block.Block.Evidence, Is.EqualTo(new[] { evidence }));
            Assert.That(slashed, Is.EqualTo(25_000 * StakingHarness.Trust + 6_172));
            Assert.That(v.StakeOf(Key1), Is.EqualTo(Stakes[1] - slashed));
            Assert.That(v.H.ContractBalance, Is.EqualTo(contractBefore - slashed), "slashed stake is burned");
            Assert.That(v.H.View("isTombstoned", Key1.Address)[0], Is.True);
            Assert.That(v.H.ViewUInt("jailedUntil", Key1.Address, (byte)StakingRole.Validator), Is.EqualTo((UInt256)ulong.MaxValue));
            Assert.That(v.H.View("isJailed", Key1.Address, (byte)StakingRole.Validator)[0], Is.True);
            Assert.That(v.H.ViewUInt("evidenceBlock", DoubleSignEvidence.Decode(evidence).Hash), Is.EqualTo((UInt256)block.Block.Number));
            Assert.That(v.ActiveSet(), Is.EqualTo(new[] { Key0.Address, Key2.Address, StakingHarness.Key3.Address }));
            Assert.That(v.StakeOf(Key2), Is.EqualTo(Stakes[2]), "nobody else is touched");
        });

        // Next epoch's schedule leaves the tombstoned validator out.
        v.ProduceUntil(EpochLength);
        Assert.That(v.Slashing.GetScheduledValidators(v.H.Head, EpochLength + 1), Does.Not.Contain(Key1.Address));
        Assert.That(v.Slashing.GetScheduledValidators(v.H.Head, EpochLength), Does.Contain(Key1.Address), "the ending epoch's set is kept");
    }

    [Test]
    public void The_same_evidence_again_is_left_out_by_the_builder_and_rejected_by_validation()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(3);
        byte[] evidence = DoubleSign(Key1, 2);
        v.Produce(evidence: [evidence]);
        UInt256 stake = v.StakeOf(Key1);
        Hash256 head = v.Chain.Head.Hash;

        Assert.That(v.Build(All, [evidence]).Block.Evidence, Is.Empty, "the proposer does not include it again");
        Block forged = v.ForgedWith(evidence);
        InvalidBlockException e = Assert.Throws<InvalidBlockException>(() => v.Chain.ProcessBlock(forged))!;
        Assert.That(e.Message, Does.Contain("already included in block 4"));
        Block otherOffence = v.ForgedWith(DoubleSign(Key1, 3));
        Assert.That(((Core.Consensus.IBlockApplication)v.Chain).Validate(otherOffence, out string? error), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(error, Does.Contain("already tombstoned"));
            Assert.That(v.StakeOf(Key1), Is.EqualTo(stake));
            Assert.That(v.Chain.Head.Hash, Is.EqualTo(head));
        });
    }

    [Test]
    public void A_tombstoned_validator_can_never_unjail()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(2);
        v.Produce(evidence: [DoubleSign(Key2, 1)]);
        v.ProduceUntil(40);
        Assert.That(v.H.RevertReasonOf(Key2.Address, "unjail", UInt256.Zero), Does.Contain("tombstoned"));
        TxReceipt receipt = v.Produce(txs: v.H.Tx(Key2, "unjail", UInt256.Zero)).Receipts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Succeeded, Is.False);
            Assert.That(v.IsActive(Key2), Is.False);
        });
    }

    [Test]
    public void Evidence_exactly_as_old_as_the_unbonding_period_is_still_punished()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(UnbondingBlocks + 2);
        ExecutedBlock block = v.Produce(evidence: [DoubleSign(Key0, 3)]);
        Assert.Multiple(() =>
        {
            Assert.That(block.Block.Number - 3, Is.EqualTo(UnbondingBlocks));
            Assert.That(block.Block.Evidence, Has.Count.EqualTo(1));
            Assert.That(v.Slashing.IsTombstoned(v.H.Head, Key0.Address), Is.True);
        });
    }

    [Test]
    public void Proposals_take_pending_evidence_from_the_source_and_report_what_was_committed()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(3);
        byte[] valid = DoubleSign(StakingHarness.Key3, 2);
        RecordingEvidenceSource source = new([[0xc0], valid, DoubleSign(StakingHarness.Key3, 1)]);
        v.Chain.EvidenceSource = source;
        BlockHeader head = v.Chain.Head;
        ExecutedBlock built = v.Chain.BuildBlock(Proposer, head.Timestamp + 1000, SignedCommit(head, All));
        v.Chain.Commit(built.Block, SignedCommit(built.Block.Header, All), built);
        Assert.Multiple(() =>
        {
            Assert.That(source.AskedForHeight, Is.EqualTo(4UL));
            Assert.That(built.Block.Evidence, Is.EqualTo(new[] { valid }), "malformed and second-offence items are left out");
            Assert.That(source.Committed, Is.EqualTo(new[] { (4UL, 1) }));
        });
    }

    private sealed class RecordingEvidenceSource(IReadOnlyList<byte[]> pending) : IEvidenceSource
    {
        public ulong AskedForHeight { get; private set; }

        public List<(ulong Height, int Count)> Committed { get; } = [];

        public IReadOnlyList<byte[]> GetPendingEvidence(ulong height, int max)
        {
            AskedForHeight = height;
            return pending.Take(max).ToList();
        }

        public void OnEvidenceCommitted(ulong height, IReadOnlyList<byte[]> included) => Committed.Add((height, included.Count));
    }
}
