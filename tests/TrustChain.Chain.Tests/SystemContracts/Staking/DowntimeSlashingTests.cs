using System.Numerics;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.ValidatorHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// Downtime over a window of <see cref="ValidatorHarness.Window"/> commits: signing fewer than half costs 1% and a
/// jail of <see cref="ValidatorHarness.JailBlocks"/> blocks that ends only with unjail().
/// </summary>
[TestFixture]
public sealed class DowntimeSlashingTests
{
    private static readonly PrivateKey Key3 = StakingHarness.Key3;

    [Test]
    public void A_validator_missing_every_commit_is_slashed_one_percent_and_jailed_when_its_window_fills()
    {
        using ValidatorHarness v = new();
        PrivateKey[] withoutKey3 = AllBut(Key3);
        // Block 2 carries the first commit (for block 1); block 10 carries the ninth.
        v.ProduceUntil(Window, withoutKey3);
        Assert.Multiple(() =>
        {
            Assert.That(v.StakeOf(Key3), Is.EqualTo(Stakes[3]), "a window that is not full yet punishes nobody");
            Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key3.Address), Is.EqualTo(new SigningInfo(Window - 1, Window - 1)));
            Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key0.Address), Is.EqualTo(new SigningInfo(Window - 1, 0)));
        });

        ExecutedBlock block = v.Produce(withoutKey3);

        UInt256 slashed = UInt256.FromBigInteger((BigInteger)Stakes[3] / 100);
        object[] info = v.H.View("signingInfo", Key3.Address);
        Assert.Multiple(() =>
        {
            Assert.That(block.Block.Number, Is.EqualTo(Window + 1));
            Assert.That(v.StakeOf(Key3), Is.EqualTo(Stakes[3] - slashed));
            Assert.That(slashed, Is.EqualTo(2_000 * StakingHarness.Trust));
            Assert.That(v.H.ViewUInt("jailedUntil", Key3.Address, (byte)StakingRole.Validator), Is.EqualTo((UInt256)(Window + 1 + JailBlocks)));
            Assert.That(v.H.View("isTombstoned", Key3.Address)[0], Is.False);
            Assert.That(v.IsActive(Key3), Is.False);
            Assert.That(v.ActiveSet(), Does.Not.Contain(Key3.Address));
            Assert.That(info, Is.EqualTo(new object[] { UInt256.Zero, UInt256.Zero }), "the window restarts after a jail");
            Assert.That(v.StakeOf(Key0), Is.EqualTo(Stakes[0]));
            Assert.That(v.StakeOf(Key1), Is.EqualTo(Stakes[1]));
        });
    }

    [TestCase("every other commit (exactly half)", false)]
    [TestCase("four of every ten commits", true)]
    public void The_threshold_is_signed_below_half_of_the_window(string pattern, bool slashed)
    {
        using ValidatorHarness v = new();
        // Block n carries the commit for height n - 1; Key1 signs by that height.
        Func<ulong, bool> signs = pattern.StartsWith("every", StringComparison.Ordinal)
            ? height => height % 2 == 0
            : height => height % 10 < 4;
        for (ulong n = 1; n <= 3 * Window + 1; n++)
        {
            v.Produce(signs(n - 1) ? All : AllBut(Key1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(v.Slashing.IsUnjailRequired(v.H.Head, Key1.Address), Is.EqualTo(slashed));
            Assert.That(v.StakeOf(Key1), Is.EqualTo(slashed ? Stakes[1] - UInt256.FromBigInteger((BigInteger)Stakes[1] / 100) : Stakes[1]));
        });
    }

    [Test]
    public void Unjail_is_refused_before_the_jail_ends_and_restores_the_validator_after()
    {
        using ValidatorHarness v = new();
        PrivateKey[] withoutKey3 = AllBut(Key3);
        v.ProduceUntil(Window + 1, withoutKey3);
        ulong until = Window + 1 + JailBlocks;
        Assert.That(v.H.RevertReasonOf(Key3.Address, "unjail", UInt256.Zero), Is.EqualTo($"validator is jailed until block {until}"));
        TxReceipt early = v.Produce(withoutKey3, txs: v.H.Tx(Key3, "unjail", UInt256.Zero)).Receipts.Single();
        Assert.That(early.Succeeded, Is.False);

        // Still jailed after the term: the jail ends only when the validator asks.
        v.ProduceUntil(until + 2, withoutKey3);
        Assert.That(v.IsActive(Key3), Is.False);
        Assert.That(v.Slashing.GetScheduledValidators(v.H.Head, 3 * EpochLength + 1), Does.Not.Contain(Key3.Address));

        ExecutedBlock block = v.Produce(withoutKey3, txs: v.H.Tx(Key3, "unjail", UInt256.Zero));
        TxReceipt receipt = block.Receipts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Succeeded, Is.True, receipt.Error);
            Assert.That(StakingHarness.Decode(StakingEvents.Unjailed, receipt.Logs.Single()), Is.EqualTo(new object[] { Key3.Address }));
            Assert.That(v.IsActive(Key3), Is.True);
            Assert.That(v.ActiveSet(), Does.Contain(Key3.Address));
            Assert.That(v.H.RevertReasonOf(Key3.Address, "unjail", UInt256.Zero), Is.EqualTo("validator is not jailed"));
        });

        // Block 20 is an epoch boundary: Key3 is back in the set signing from height 21, and counted from then on.
        Assert.That(block.Block.Number, Is.EqualTo(4 * EpochLength));
        Assert.That(v.Slashing.GetScheduledValidators(v.H.Head, 4 * EpochLength + 1), Does.Contain(Key3.Address));
        v.Produce();
        Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key3.Address), Is.EqualTo(new SigningInfo(0, 0)), "height 20 was not its to sign");
        v.Produce();
        Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key3.Address), Is.EqualTo(new SigningInfo(1, 0)));
    }

    [Test]
    public void Unjail_without_a_jail_reverts_and_changes_nothing()
    {
        using ValidatorHarness v = new();
        v.ProduceUntil(2);
        Hash256 root = v.Chain.Head.StateRoot;
        Assert.That(v.H.RevertReasonOf(Key2.Address, "unjail", UInt256.Zero), Is.EqualTo("validator is not jailed"));
        Assert.That(v.Chain.Head.StateRoot, Is.EqualTo(root));
    }

    [Test]
    public void A_forged_commit_signature_counts_as_missed()
    {
        using ValidatorHarness v = new();
        v.Produce();
        // Key2's entry carries Key1's signature: only a valid signature by the named validator counts.
        for (int i = 0; i < 3; i++)
        {
            Core.Blocks.BlockHeader head = v.Chain.Head;
            Core.Blocks.Commit honest = SignedCommit(head, [Key0, Key1, Key3]);
            Core.Blocks.Commit withForgery = new(head.Number, 0, head.Hash,
                [.. honest.Signatures, new Core.Blocks.CommitSignature(Key2.Address, honest.Signatures[1].Signature)]);
            ExecutedBlock built = v.Chain.BuildBlock(Proposer, head.Timestamp + 1000, withForgery, []);
            v.Chain.Commit(built.Block, SignedCommit(built.Block.Header, All), built);
        }

        Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key2.Address), Is.EqualTo(new SigningInfo(3, 3)));
        Assert.That(v.Slashing.GetSigningInfo(v.H.Head, Key1.Address), Is.EqualTo(new SigningInfo(3, 0)));
    }
}
