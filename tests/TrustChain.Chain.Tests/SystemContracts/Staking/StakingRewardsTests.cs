using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.StakingHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>Fee-share pools: accrued during an epoch, split pro rata to active stake at the boundary, remainder carried.</summary>
[TestFixture]
public sealed class StakingRewardsTests
{
    [Test]
    public void Epoch_pool_is_split_pro_rata_to_the_wei_and_the_remainder_carries_over()
    {
        using StakingHarness h = new();
        const byte role = (byte)StakingRole.EnrollmentOperator;
        // Stakes 1,000 / 2,000 / 4,000 TRUST (+ odd wei), an inactive (jailed) fourth member.
        UInt256 s1 = 1_000 * Trust + 1;
        UInt256 s2 = 2_000 * Trust + 3;
        UInt256 s3 = 4_000 * Trust + 7;
        h.Produce(h.Tx(Key1, "stake", s1, role), h.Tx(Key2, "stake", s2, role), h.Tx(Key3, "stake", s3, role), h.Tx(Key0, "stake", 5_000 * Trust, role));
        Assert.That(h.HeadNumber, Is.LessThan(Epoch));

        UInt256 fee = 1_000_000_000_000_000_003UL; // not divisible by the total stake
        UInt256 payerBefore = h.Balance(Recipient);
        List<LogEntry> logs = [];
        h.ProduceWithNative((state, block) =>
        {
            h.Staking.Jail(state, Key0.Address, StakingRole.EnrollmentOperator, block.Number + 1_000);
            h.Staking.AccrueFee(state, Recipient, StakingRole.EnrollmentOperator, fee, logs);
        });
        Assert.Multiple(() =>
        {
            Assert.That(h.Balance(Recipient), Is.EqualTo(payerBefore - fee));
            Assert.That(h.ViewUInt("rewardPool", role), Is.EqualTo(fee));
            Assert.That(Decode(StakingEvents.FeesAccrued, logs.Single()), Is.EqualTo(new object[] { (UInt256)1u, Recipient, fee }));
        });

        // Independent arithmetic in BigInteger: floor(fee × s_i / Σ s) each, remainder = fee − Σ shares.
        System.Numerics.BigInteger total = s1.ToBigInteger() + s2.ToBigInteger() + s3.ToBigInteger();
        UInt256[] shares = [s1, s2, s3];
        UInt256[] expected = shares.Select(s => UInt256.FromBigInteger(fee.ToBigInteger() * s.ToBigInteger() / total)).ToArray();
        UInt256 remainder = fee - expected[0] - expected[1] - expected[2];
        Assert.That(remainder, Is.Not.EqualTo(UInt256.Zero), "the case must exercise a remainder");

        h.ProduceUntil(Epoch - 1);
        Assert.That(h.ViewUInt("pendingRewards", Key1.Address), Is.EqualTo(UInt256.Zero), "nothing before the boundary");
        h.Produce();
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("pendingRewards", Key1.Address), Is.EqualTo(expected[0]));
            Assert.That(h.ViewUInt("pendingRewards", Key2.Address), Is.EqualTo(expected[1]));
            Assert.That(h.ViewUInt("pendingRewards", Key3.Address), Is.EqualTo(expected[2]));
            Assert.That(h.ViewUInt("pendingRewards", Key0.Address), Is.EqualTo(UInt256.Zero), "jailed members earn nothing");
            Assert.That(h.ViewUInt("rewardPool", role), Is.EqualTo(remainder));
        });

        // The carried remainder joins the next epoch's fees.
        UInt256 fee2 = 7 * Trust;
        h.ProduceWithNative((state, _) => h.Staking.AccrueFee(state, Recipient, StakingRole.EnrollmentOperator, fee2));
        h.ProduceUntil(2 * Epoch);
        UInt256 pool2 = remainder + fee2;
        UInt256[] second = shares.Select(s => UInt256.FromBigInteger(pool2.ToBigInteger() * s.ToBigInteger() / total)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("pendingRewards", Key1.Address), Is.EqualTo(expected[0] + second[0]));
            Assert.That(h.ViewUInt("pendingRewards", Key3.Address), Is.EqualTo(expected[2] + second[2]));
            Assert.That(h.ViewUInt("rewardPool", role), Is.EqualTo(pool2 - second[0] - second[1] - second[2]));
        });

        UInt256 before = h.Balance(Key2.Address);
        TxReceipt claim = h.Send(Key2, "claimRewards", UInt256.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(claim.Succeeded, Is.True);
            Assert.That(Decode(StakingEvents.RewardsClaimed, claim.Logs[0]), Is.EqualTo(new object[] { Key2.Address, expected[1] + second[1] }));
            Assert.That(h.Balance(Key2.Address), Is.EqualTo(before + expected[1] + second[1] - GasCost(claim)));
            Assert.That(h.ViewUInt("pendingRewards", Key2.Address), Is.EqualTo(UInt256.Zero));
            Assert.That(h.RevertReasonOf(Key2.Address, "claimRewards", UInt256.Zero), Is.EqualTo("no rewards to claim"));
        });
    }

    [Test]
    public void Without_active_members_the_pool_waits_and_other_roles_are_untouched()
    {
        using StakingHarness h = new();
        UInt256 fee = 123_456_789;
        h.ProduceWithNative((state, _) => h.Staking.AccrueFee(state, Recipient, StakingRole.Issuer, fee));
        h.ProduceUntil(Epoch);
        Assert.That(h.ViewUInt("rewardPool", (byte)StakingRole.Issuer), Is.EqualTo(fee));

        h.SendOk(Key1, "stake", 100_000 * Trust, (byte)StakingRole.Issuer);
        h.ProduceUntil(2 * Epoch);
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("pendingRewards", Key1.Address), Is.EqualTo(fee), "a sole member gets the whole pool");
            Assert.That(h.ViewUInt("rewardPool", (byte)StakingRole.Issuer), Is.EqualTo(UInt256.Zero));
            Assert.That(h.ViewUInt("pendingRewards", Key0.Address), Is.EqualTo(UInt256.Zero), "validators' pool was empty");
        });
    }

    [Test]
    public void Epoch_boundaries_follow_the_epoch_length()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StakingEpochHook.IsEpochBoundary(0, 4), Is.False, "genesis is not a boundary");
            Assert.That(StakingEpochHook.IsEpochBoundary(4, 4), Is.True);
            Assert.That(StakingEpochHook.IsEpochBoundary(6, 4), Is.False);
            Assert.That(StakingEpochHook.IsEpochBoundary(100, 100), Is.True);
        });
    }
}
