using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.StakingHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

[TestFixture]
public sealed class StakingFlowTests
{
    private static readonly ChainParameters Defaults = ChainParameters.Default;

    private static IEnumerable<TestCaseData> RolesWithMinimums()
    {
        yield return new TestCaseData(StakingRole.EnrollmentOperator, 1_000UL).SetName("Minimum_EnrollmentOperator_1000");
        yield return new TestCaseData(StakingRole.Issuer, 100_000UL).SetName("Minimum_Issuer_100000");
        yield return new TestCaseData(StakingRole.Prover, 1_000UL).SetName("Minimum_Prover_1000");
        yield return new TestCaseData(StakingRole.ModelHost, 1_000UL).SetName("Minimum_ModelHost_1000");
        yield return new TestCaseData(StakingRole.Validator, 10_000UL).SetName("Minimum_Validator_10000");
    }

    [TestCaseSource(nameof(RolesWithMinimums))]
    public void Minimum_stake_per_role_is_enforced_for_new_members(StakingRole role, ulong minimumTrust)
    {
        using StakingHarness h = new();
        UInt256 minimum = minimumTrust * Trust;
        Assert.That(h.ViewUInt("minimumStake", (byte)role), Is.EqualTo(minimum));

        (string function, object?[] args) = role == StakingRole.Validator
            ? ("stakeValidator", new object?[] { CompressedKey(Key1) })
            : ("stake", new object?[] { (byte)role });
        Assert.That(h.RevertReasonOf(Key1.Address, function, minimum - 1, args),
            Is.EqualTo($"stake {minimum - 1} is below the minimum {minimum} for a new {role}"));
        TxReceipt below = h.Send(Key1, function, minimum - 1, args);
        Assert.That(below.Succeeded, Is.False);
        Assert.That(h.Staking.GetStake(h.Head, Key1.Address, role), Is.EqualTo(UInt256.Zero));

        h.SendOk(Key1, function, minimum, args);
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)role), Is.EqualTo(minimum));
            Assert.That((bool)h.View("isActive", Key1.Address, (byte)role)[0], Is.True);
        });

        // An existing member may top up by any amount.
        h.SendOk(Key1, "stake", UInt256.One, (byte)role);
        Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)role), Is.EqualTo(minimum + 1));
    }

    [Test]
    public void Stake_unstake_withdraw_moves_exact_balances()
    {
        using StakingHarness h = new();
        UInt256 amount = 1_500 * Trust;
        UInt256 start = h.Balance(Key1.Address);
        UInt256 contractStart = h.ContractBalance;

        TxReceipt staked = h.Send(Key1, "stake", amount, (byte)StakingRole.Prover);
        Assert.That(staked.Succeeded, Is.True);
        UInt256 gas = GasCost(staked);
        Assert.Multiple(() =>
        {
            Assert.That(h.Balance(Key1.Address), Is.EqualTo(start - amount - gas));
            Assert.That(h.ContractBalance, Is.EqualTo(contractStart + amount));
            Assert.That(h.ViewUInt("totalStake", (byte)StakingRole.Prover), Is.EqualTo(amount));
            Assert.That(staked.Logs, Has.Count.EqualTo(1));
            Assert.That(staked.Logs[0].Address, Is.EqualTo(StakingState.ContractAddress));
            Assert.That(Decode(StakingEvents.Staked, staked.Logs[0]), Is.EqualTo(new object[] { Key1.Address, (UInt256)(uint)StakingRole.Prover, amount, amount }));
            Assert.That(staked.GasUsed, Is.EqualTo(21_000 + CalldataGas(h, "stake", (byte)StakingRole.Prover) + StakingGas.Stake));
        });

        UInt256 part = 400 * Trust;
        TxReceipt unstaked = h.Send(Key1, "unstake", UInt256.Zero, (byte)StakingRole.Prover, part);
        Assert.That(unstaked.Succeeded, Is.True);
        gas += GasCost(unstaked);
        ulong release = unstaked.BlockNumber + Unbonding;
        object[] unbonding = h.View("unbonding", Key1.Address);
        Assert.Multiple(() =>
        {
            Assert.That(Decode(StakingEvents.UnstakeRequested, unstaked.Logs[0]),
                Is.EqualTo(new object[] { Key1.Address, (UInt256)(uint)StakingRole.Prover, part, (UInt256)release }));
            Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)StakingRole.Prover), Is.EqualTo(amount - part));
            Assert.That(h.ViewUInt("totalStake", (byte)StakingRole.Prover), Is.EqualTo(amount - part));
            Assert.That(unbonding[0], Is.EqualTo(new object[] { part }));
            Assert.That(unbonding[1], Is.EqualTo(new object[] { (UInt256)release }));
            Assert.That(h.ContractBalance, Is.EqualTo(contractStart + amount), "unbonding stake stays in the contract");
        });

        // The whole remainder leaves too: a full exit is allowed whatever the minimum.
        TxReceipt exit = h.Send(Key1, "unstake", UInt256.Zero, (byte)StakingRole.Prover, amount - part);
        Assert.That(exit.Succeeded, Is.True);
        gas += GasCost(exit);
        Assert.That(h.ViewUInt("memberCount", (byte)StakingRole.Prover), Is.EqualTo(UInt256.Zero));

        // One block before the first release: nothing matured.
        h.ProduceUntil(release - 2);
        Assert.That(h.RevertReasonOf(Key1.Address, "withdraw", UInt256.Zero), Is.EqualTo("nothing to withdraw"));
        TxReceipt early = h.Send(Key1, "withdraw", UInt256.Zero);
        Assert.That(early.Succeeded, Is.False);
        gas += GasCost(early);

        // Block `release` pays the first entry only; the second (released one block later) stays queued.
        Assert.That(h.HeadNumber + 1, Is.EqualTo(release));
        TxReceipt first = h.Send(Key1, "withdraw", UInt256.Zero);
        Assert.That(first.Succeeded, Is.True);
        gas += GasCost(first);
        Assert.Multiple(() =>
        {
            Assert.That(Decode(StakingEvents.Withdrawn, first.Logs[0]), Is.EqualTo(new object[] { Key1.Address, part }));
            Assert.That(h.View("unbonding", Key1.Address)[0], Is.EqualTo(new object[] { amount - part }));
            Assert.That(first.GasUsed, Is.EqualTo(21_000 + CalldataGas(h, "withdraw") + StakingGas.Withdraw + 2 * StakingGas.WithdrawPerEntry));
        });

        TxReceipt second = h.Send(Key1, "withdraw", UInt256.Zero);
        Assert.That(second.Succeeded, Is.True);
        gas += GasCost(second);
        Assert.Multiple(() =>
        {
            Assert.That(h.Balance(Key1.Address), Is.EqualTo(start - gas), "everything staked came back; only gas was spent");
            Assert.That(h.ContractBalance, Is.EqualTo(contractStart));
            Assert.That(h.View("unbonding", Key1.Address)[0], Is.Empty);
        });
    }

    [Test]
    public void Unstake_leaving_a_remainder_below_the_minimum_reverts()
    {
        using StakingHarness h = new();
        h.SendOk(Key1, "stake", 1_200 * Trust, (byte)StakingRole.ModelHost);
        UInt256 tooMuch = 201 * Trust;
        Assert.That(h.RevertReasonOf(Key1.Address, "unstake", UInt256.Zero, (byte)StakingRole.ModelHost, tooMuch), Is.EqualTo("remaining stake below minimum"));
        Assert.That(h.Send(Key1, "unstake", UInt256.Zero, (byte)StakingRole.ModelHost, tooMuch).Succeeded, Is.False);
        Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)StakingRole.ModelHost), Is.EqualTo(1_200 * Trust));
        h.SendOk(Key1, "unstake", UInt256.Zero, (byte)StakingRole.ModelHost, 200 * Trust);
        Assert.That((bool)h.View("isActive", Key1.Address, (byte)StakingRole.ModelHost)[0], Is.True, "exactly the minimum is still active");
    }

    [Test]
    public void Full_exit_removes_the_right_in_the_same_block()
    {
        using StakingHarness h = new();
        h.SendOk(Key2, "stake", 1_000 * Trust, (byte)StakingRole.EnrollmentOperator);
        Assert.That(h.Staking.IsActive(h.Head, Key2.Address, StakingRole.EnrollmentOperator, h.HeadNumber), Is.True);
        TxReceipt exit = h.Send(Key2, "unstake", UInt256.Zero, (byte)StakingRole.EnrollmentOperator, 1_000 * Trust);
        Assert.That(exit.Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(h.Staking.IsActive(h.Head, Key2.Address, StakingRole.EnrollmentOperator, exit.BlockNumber), Is.False);
            Assert.That((bool)h.View("isActive", Key2.Address, (byte)StakingRole.EnrollmentOperator)[0], Is.False);
        });
    }

    [Test]
    public void Slash_below_the_minimum_deactivates_at_once_and_only_a_full_exit_remains()
    {
        using StakingHarness h = new();
        h.SendOk(Key2, "stake", 1_000 * Trust, (byte)StakingRole.Prover);
        h.ProduceWithNative((state, block) =>
        {
            Assert.That(h.Staking.IsActive(state, Key2.Address, StakingRole.Prover, block.Number), Is.True);
            h.Staking.Slash(state, Key2.Address, StakingRole.Prover, 100, "test");
            Assert.That(h.Staking.IsActive(state, Key2.Address, StakingRole.Prover, block.Number), Is.False, "inactive within the same block");
        });
        UInt256 left = 990 * Trust;
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("stakeOf", Key2.Address, (byte)StakingRole.Prover), Is.EqualTo(left));
            Assert.That((bool)h.View("isActive", Key2.Address, (byte)StakingRole.Prover)[0], Is.False);
            Assert.That(h.ViewUInt("memberCount", (byte)StakingRole.Prover), Is.EqualTo(UInt256.One), "still holds stake, so still listed");
            Assert.That(h.RevertReasonOf(Key2.Address, "unstake", UInt256.Zero, (byte)StakingRole.Prover, UInt256.One), Is.EqualTo("remaining stake below minimum"));
        });

        // Topping up restores the right.
        h.SendOk(Key2, "stake", 10 * Trust, (byte)StakingRole.Prover);
        Assert.That((bool)h.View("isActive", Key2.Address, (byte)StakingRole.Prover)[0], Is.True);
    }

    [Test]
    public void Members_index_adds_swap_removes_and_pages()
    {
        using StakingHarness h = new();
        PrivateKey[] keys = [Key0, Key1, Key2, Key3];
        const byte role = (byte)StakingRole.ModelHost;
        h.Produce(keys.Select(k => h.Tx(k, "stake", 1_000 * Trust, role)).ToArray());
        Address[] all = keys.Select(k => k.Address).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(h.ViewUInt("memberCount", role), Is.EqualTo((UInt256)4));
            Assert.That(h.View("members", role, UInt256.Zero, (UInt256)10)[0], Is.EqualTo(all), "insertion order");
            Assert.That(h.View("members", role, UInt256.One, (UInt256)2)[0], Is.EqualTo(all[1..3]));
            Assert.That(h.View("members", role, (UInt256)3, UInt256.MaxValue)[0], Is.EqualTo(all[3..]));
            Assert.That(h.View("members", role, (UInt256)4, (UInt256)10)[0], Is.Empty);
            Assert.That(h.View("members", role, UInt256.MaxValue, UInt256.MaxValue)[0], Is.Empty);
            Assert.That(h.View("members", role, UInt256.Zero, UInt256.Zero)[0], Is.Empty);
        });

        // Removing index 1 moves the last member (index 3) into its place.
        h.SendOk(Key1, "unstake", UInt256.Zero, role, 1_000 * Trust);
        Assert.That(h.View("members", role, UInt256.Zero, (UInt256)10)[0], Is.EqualTo(new object[] { all[0], all[3], all[2] }));
        // Removing the last member needs no move.
        h.SendOk(Key2, "unstake", UInt256.Zero, role, 1_000 * Trust);
        Assert.That(h.View("members", role, UInt256.Zero, (UInt256)10)[0], Is.EqualTo(new object[] { all[0], all[3] }));
        // A returning member is appended.
        h.SendOk(Key1, "stake", 1_000 * Trust, role);
        Assert.Multiple(() =>
        {
            Assert.That(h.View("members", role, UInt256.Zero, (UInt256)10)[0], Is.EqualTo(new object[] { all[0], all[3], all[1] }));
            Assert.That(h.Staking.GetMembers(h.Head, StakingRole.ModelHost, 1, 5), Is.EqualTo(new[] { all[3], all[1] }));
            Assert.That(h.ViewUInt("memberCount", role), Is.EqualTo((UInt256)3));
        });
    }

    [Test]
    public void Members_view_charges_per_address_returned()
    {
        using StakingHarness h = new();
        const byte role = (byte)StakingRole.Prover;
        h.Produce(h.Tx(Key1, "stake", 1_000 * Trust, role), h.Tx(Key2, "stake", 1_000 * Trust, role));
        ulong one = h.Simulate(Address.Zero, "members", UInt256.Zero, role, UInt256.Zero, UInt256.One).GasUsed;
        ulong two = h.Simulate(Address.Zero, "members", UInt256.Zero, role, UInt256.Zero, (UInt256)2).GasUsed;
        Assert.That(two - one, Is.EqualTo(StakingGas.ListViewPerItem));
    }

    [Test]
    public void Validator_stakes_with_its_own_consensus_key_and_tops_up_with_stake()
    {
        using StakingHarness h = new();
        byte[] key = CompressedKey(Key1);
        TxReceipt receipt = h.Send(Key1, "stakeValidator", 10_000 * Trust, key);
        Assert.That(receipt.Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(Decode(StakingEvents.ValidatorKeySet, receipt.Logs[0]), Is.EqualTo(new object[] { Key1.Address, key }));
            Assert.That(h.View("validatorKey", Key1.Address)[0], Is.EqualTo(key));
            Assert.That(h.ViewUInt("memberCount", (byte)StakingRole.Validator), Is.EqualTo((UInt256)2));
        });
        h.SendOk(Key1, "stake", 5 * Trust, (byte)StakingRole.Validator);
        h.SendOk(Key1, "stakeValidator", 5 * Trust, key);
        Assert.That(h.ViewUInt("stakeOf", Key1.Address, (byte)StakingRole.Validator), Is.EqualTo(10_010 * Trust));
        IReadOnlyList<ActiveValidator> set = h.Staking.GetActiveValidators(h.Head, h.HeadNumber + 1);
        Assert.That(set.Select(v => v.Address), Is.EqualTo(new[] { Key0.Address, Key1.Address }), "genesis 1,000,000 TRUST ahead of 10,010");
        Assert.That(set[1].ConsensusPublicKey, Is.EqualTo(key));
    }

    [Test]
    public void Unbonding_entries_are_capped_per_account()
    {
        using StakingHarness h = new();
        const byte role = (byte)StakingRole.Prover;
        h.SendOk(Key1, "stake", 2_000 * Trust, role);
        const int cap = 32;
        for (int i = 0; i < cap; i += 8)
        {
            h.Produce(Enumerable.Range(0, 8).Select(_ => h.Tx(Key1, "unstake", UInt256.Zero, role, UInt256.One)).ToArray());
        }

        Assert.That(((object[])h.View("unbonding", Key1.Address)[0]), Has.Length.EqualTo(cap));
        Assert.That(h.RevertReasonOf(Key1.Address, "unstake", UInt256.Zero, role, UInt256.One),
            Is.EqualTo("too many pending unbonding entries (at most 32): withdraw matured ones first"));
        h.ProduceUntil(h.HeadNumber + Unbonding);
        UInt256 before = h.Balance(Key1.Address);
        UInt256 gas = h.SendOk(Key1, "withdraw", UInt256.Zero);
        Assert.That(h.Balance(Key1.Address), Is.EqualTo(before + (UInt256)(ulong)cap - gas));
    }

    private static ulong CalldataGas(StakingHarness h, string function, params object?[] args)
    {
        byte[] data = h.Contract.Abi.GetFunction(function).EncodeCall(args);
        return (ulong)data.Count(b => b == 0) * 4 + (ulong)data.Count(b => b != 0) * 16;
    }
}
