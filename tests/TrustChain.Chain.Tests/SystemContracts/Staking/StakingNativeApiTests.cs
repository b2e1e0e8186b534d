using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.StakingHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>Slash, jail, fee accrual and the active validator set through <see cref="StakingState"/> inside real blocks.</summary>
[TestFixture]
public sealed class StakingNativeApiTests
{
    private static readonly Address Reporter = Address.Parse("0x00000000000000000000000000000000000fee01");

    [TestCase(500u, null)]
    [TestCase(10_000u, null)]
    [TestCase(100u, "reporter")]
    [TestCase(1u, "reporter")]
    public void Slash_takes_the_fraction_and_burns_or_pays_it(uint bps, string? recipientName)
    {
        using StakingHarness h = new();
        UInt256 stake = 12_345 * Trust + 6_789;
        h.SendOk(Key1, "stakeValidator", stake, CompressedKey(Key1));
        Address? recipient = recipientName is null ? null : Reporter;
        UInt256 expected = stake * bps / 10_000;
        UInt256 contractBefore = h.ContractBalance;
        List<LogEntry> logs = [];
        UInt256 slashed = UInt256.Zero;
        h.ProduceWithNative((state, _) => slashed = h.Staking.Slash(state, Key1.Address, StakingRole.Validator, bps, "double-sign", recipient, logs));
        Assert.Multiple(() =>
        {
            Assert.That(slashed, Is.EqualTo(expected));
            Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)StakingRole.Validator), Is.EqualTo(stake - expected));
            Assert.That(h.ContractBalance, Is.EqualTo(contractBefore - expected));
            Assert.That(h.Balance(Reporter), Is.EqualTo(recipient is null ? UInt256.Zero : expected));
            Assert.That(Decode(StakingEvents.Slashed, logs.Single()),
                Is.EqualTo(new object[] { Key1.Address, (UInt256)0u, expected, recipient ?? Address.Zero, "double-sign" }));
            Assert.That(h.ViewUInt("memberCount", (byte)StakingRole.Validator), Is.EqualTo(bps == 10_000 ? UInt256.One : (UInt256)2));
        });
    }

    [Test]
    public void Bad_native_arguments_throw_and_change_nothing()
    {
        using StakingHarness h = new();
        h.SendOk(Key1, "stake", 1_000 * Trust, (byte)StakingRole.Prover);
        UInt256 liabilities = h.Staking.GetLiabilities(h.Head);
        h.ProduceWithNative((state, _) =>
        {
            Hash256 before = state.ComputeRoot();
            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => h.Staking.Slash(state, Key1.Address, StakingRole.Prover, 0, "x"));
                Assert.Throws<ArgumentOutOfRangeException>(() => h.Staking.Slash(state, Key1.Address, StakingRole.Prover, 10_001, "x"));
                Assert.Throws<ArgumentOutOfRangeException>(() => h.Staking.Slash(state, Key1.Address, (StakingRole)5, 100, "x"));
                Assert.Throws<ArgumentException>(() => h.Staking.Slash(state, Key1.Address, StakingRole.Prover, 100, "x", StakingState.ContractAddress));
                Assert.Throws<ArgumentOutOfRangeException>(() => h.Staking.Jail(state, Key1.Address, (StakingRole)200, 10));
                Assert.Throws<ArgumentException>(() => h.Staking.AccrueFee(state, StakingState.ContractAddress, StakingRole.Prover, 1));
                Assert.Throws<InsufficientBalanceException>(() => h.Staking.AccrueFee(state, PoorKey.Address, StakingRole.Prover, 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => h.Staking.GetStake(state, Key1.Address, (StakingRole)5));
                Assert.That(h.Staking.Slash(state, Key2.Address, StakingRole.Prover, 100, "no stake"), Is.EqualTo(UInt256.Zero));
                Assert.That(state.ComputeRoot(), Is.EqualTo(before));
            });
        });
        // The block's root moves anyway (downtime bookkeeping of the last commit), so the stakes are compared instead.
        Assert.Multiple(() =>
        {
            Assert.That(h.Staking.GetLiabilities(h.Head), Is.EqualTo(liabilities), "failed native calls moved no stake");
            Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)StakingRole.Prover), Is.EqualTo(1_000 * Trust));
        });
    }

    [Test]
    public void Jail_deactivates_until_its_end_and_keeps_the_longer_term()
    {
        using StakingHarness h = new();
        h.SendOk(Key1, "stake", 1_000 * Trust, (byte)StakingRole.Prover);
        ulong until = h.HeadNumber + 4;
        List<LogEntry> logs = [];
        h.ProduceWithNative((state, block) =>
        {
            h.Staking.Jail(state, Key1.Address, StakingRole.Prover, until, logs);
            Assert.That(h.Staking.IsActive(state, Key1.Address, StakingRole.Prover, block.Number), Is.False);
            Assert.That(h.Staking.Jail(state, Key1.Address, StakingRole.Prover, until - 2), Is.EqualTo(until), "a shorter jail does not shorten");
        });
        Assert.Multiple(() =>
        {
            Assert.That(Decode(StakingEvents.Jailed, logs.Single()), Is.EqualTo(new object[] { Key1.Address, (UInt256)3u, (UInt256)until }));
            Assert.That((bool)h.View("isJailed", Key1.Address, (byte)StakingRole.Prover)[0], Is.True);
            Assert.That((bool)h.View("isActive", Key1.Address, (byte)StakingRole.Prover)[0], Is.False);
            Assert.That(h.ViewUInt("jailedUntil", Key1.Address, (byte)StakingRole.Prover), Is.EqualTo((UInt256)until));
            Assert.That((bool)h.View("isJailed", Key1.Address, (byte)StakingRole.Issuer)[0], Is.False, "jail is per role");
        });
        h.ProduceUntil(until - 2);
        Assert.That((bool)h.View("isActive", Key1.Address, (byte)StakingRole.Prover)[0], Is.False, "the call at block until-1");
        h.Produce();
        Assert.That((bool)h.View("isActive", Key1.Address, (byte)StakingRole.Prover)[0], Is.True, "the call at block until");
        h.ProduceWithNative((state, _) => h.Staking.Jail(state, Key1.Address, StakingRole.Prover, StakingState.Forever));
        h.ProduceUntil(h.HeadNumber + 20);
        Assert.That(h.Staking.IsJailed(h.Head, Key1.Address, StakingRole.Prover, ulong.MaxValue - 1), Is.True, "tombstoned");
    }

    [Test]
    public void Active_validators_are_the_top_stakes_with_address_tie_break_and_no_jailed_or_underfunded()
    {
        using StakingHarness h = new(json => json["params"]!["maxValidators"] = 3);
        PrivateKey[] keys = [Key1, Key2, Key3, PoorKey];
        // PoorKey has no funds; fund it in the same block from Key0.
        h.Produce(Transfer(Key0, h.Head.GetAccount(Key0.Address).Nonce, 50_000 * Trust, to: PoorKey.Address));
        h.Produce(
            h.Tx(Key1, "stakeValidator", 20_000 * Trust, CompressedKey(Key1)),
            h.Tx(Key2, "stakeValidator", 20_000 * Trust, CompressedKey(Key2)),
            h.Tx(Key3, "stakeValidator", 30_000 * Trust, CompressedKey(Key3)),
            h.Tx(PoorKey, "stakeValidator", 20_000 * Trust, CompressedKey(PoorKey)));
        Address[] tied = keys.Where(k => k != Key3).Select(k => k.Address).Order().ToArray();
        ulong next = h.HeadNumber + 1;
        Assert.That(h.Staking.GetActiveValidators(h.Head, next).Select(v => v.Address),
            Is.EqualTo(new[] { Key0.Address, Key3.Address, tied[0] }), "1,000,000 > 30,000 > 20,000 ×3 by ascending address, cut at 3");

        h.ProduceWithNative((state, block) =>
        {
            h.Staking.Jail(state, Key0.Address, StakingRole.Validator, block.Number + 100);
            h.Staking.Slash(state, tied[0], StakingRole.Validator, 5_001, "below minimum");
        });
        IReadOnlyList<ActiveValidator> set = h.Staking.GetActiveValidators(h.Head, h.HeadNumber + 1);
        Assert.Multiple(() =>
        {
            Assert.That(set.Select(v => v.Address), Is.EqualTo(new[] { Key3.Address, tied[1], tied[2] }));
            Assert.That(set.Select(v => v.Stake), Is.EqualTo(new[] { 30_000 * Trust, 20_000 * Trust, 20_000 * Trust }));
            Assert.That(set[0].ConsensusPublicKey, Is.EqualTo(CompressedKey(Key3)));
        });
    }
}
