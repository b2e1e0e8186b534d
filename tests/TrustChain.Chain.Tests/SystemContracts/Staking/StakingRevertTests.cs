using TrustChain.Chain.Execution;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.StakingHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// Every revert of the contract: the eth_call on the head gives the reason, and the same call sent as a transaction
/// fails, costs the sender only gas and leaves Staking's state and balance untouched.
/// </summary>
[TestFixture]
public sealed class StakingRevertTests
{
    private StakingHarness _h = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        // Unbonding longer than this fixture runs, so the pending entry never matures.
        _h = new StakingHarness(json => json["params"]!["unbondingBlocks"] = 10_000);
        // Key1: a 1,200 TRUST prover with one unbonding entry not yet matured.
        _h.SendOk(Key1, "stake", 1_300 * Trust, (byte)StakingRole.Prover);
        _h.SendOk(Key1, "unstake", UInt256.Zero, (byte)StakingRole.Prover, 100 * Trust);
    }

    [OneTimeTearDown]
    public void TearDown() => _h.Dispose();

    private static IEnumerable<TestCaseData> Reverts()
    {
        UInt256 trust = Trust;
        PrivateKey other = Key2;
        byte[] key1 = CompressedKey(Key1);
        byte[] uncompressedPrefix = (byte[])key1.Clone();
        uncompressedPrefix[0] = 0x04;
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 0x02;
        notOnCurve[32] = 5;
        yield return Case("stake zero", "stake", UInt256.Zero, [(byte)StakingRole.Prover], "stake requires a non-zero value");
        yield return Case("stake unknown role", "stake", trust, [(byte)5], "unknown role 5: expected 0 (Validator), 1 (EnrollmentOperator), 2 (Issuer), 3 (Prover) or 4 (ModelHost)");
        yield return Case("stake role 255", "stake", trust, [(byte)255], "unknown role 255: expected 0 (Validator), 1 (EnrollmentOperator), 2 (Issuer), 3 (Prover) or 4 (ModelHost)");
        yield return Case("stake below minimum", "stake", 999 * trust, [(byte)StakingRole.ModelHost], $"stake {999 * trust} is below the minimum {1_000 * trust} for a new ModelHost");
        yield return Case("stake as validator without key", "stake", 10_000 * trust, [(byte)StakingRole.Validator], "validators stake with stakeValidator(bytes consensusPublicKey) to record their consensus key");
        yield return Case("validator key of another account", "stakeValidator", 10_000 * trust, [CompressedKey(other)], $"consensus key belongs to {other.Address}, not to the staking account {Key1.Address}");
        yield return Case("validator key too short", "stakeValidator", 10_000 * trust, [key1[..32]], "consensus key must be a 33-byte compressed secp256k1 key (0x02/0x03 prefix), got 32 bytes");
        yield return Case("validator key empty", "stakeValidator", 10_000 * trust, [Array.Empty<byte>()], "consensus key must be a 33-byte compressed secp256k1 key (0x02/0x03 prefix), got 0 bytes");
        yield return Case("validator key bad prefix", "stakeValidator", 10_000 * trust, [uncompressedPrefix], "consensus key must be a 33-byte compressed secp256k1 key (0x02/0x03 prefix), got 33 bytes");
        yield return Case("validator key not on curve", "stakeValidator", 10_000 * trust, [notOnCurve], "consensus key is not a point on the secp256k1 curve");
        yield return Case("validator stake below minimum", "stakeValidator", 9_999 * trust, [key1], $"stake {9_999 * trust} is below the minimum {10_000 * trust} for a new Validator");
        yield return Case("unstake zero", "unstake", UInt256.Zero, [(byte)StakingRole.Prover, UInt256.Zero], "unstake amount must be greater than zero");
        yield return Case("unstake more than staked", "unstake", UInt256.Zero, [(byte)StakingRole.Prover, 1_201 * trust], $"unstake amount {1_201 * trust} exceeds the Prover stake {1_200 * trust}");
        yield return Case("unstake without stake", "unstake", UInt256.Zero, [(byte)StakingRole.Issuer, UInt256.One], "unstake amount 1 exceeds the Issuer stake 0");
        yield return Case("unstake below minimum", "unstake", UInt256.Zero, [(byte)StakingRole.Prover, 201 * trust], "remaining stake below minimum");
        yield return Case("unstake unknown role", "unstake", UInt256.Zero, [(byte)9, UInt256.One], "unknown role 9: expected 0 (Validator), 1 (EnrollmentOperator), 2 (Issuer), 3 (Prover) or 4 (ModelHost)");
        yield return Case("unstake with value", "unstake", UInt256.One, [(byte)StakingRole.Prover, UInt256.One], "function unstake(uint8,uint256) is not payable");
        yield return Case("withdraw before maturity", "withdraw", UInt256.Zero, [], "nothing to withdraw");
        yield return Case("claim without rewards", "claimRewards", UInt256.Zero, [], "no rewards to claim");
        yield return Case("withdraw with value", "withdraw", UInt256.One, [], "function withdraw() is not payable");
    }

    private static TestCaseData Case(string name, string function, UInt256 value, object?[] args, string reason) =>
        new TestCaseData(function, value, args, reason).SetName("Reverts_" + name.Replace(' ', '_'));

    [TestCaseSource(nameof(Reverts))]
    public void Reverts_with_reason_and_changes_nothing(string function, UInt256 value, object?[] args, string reason)
    {
        Assert.That(_h.RevertReasonOf(Key1.Address, function, value, args), Is.EqualTo(reason));

        UInt256 sender = _h.Balance(Key1.Address);
        UInt256 contract = _h.ContractBalance;
        UInt256 stake = _h.Staking.GetStake(_h.Head, Key1.Address, StakingRole.Prover);
        int unbonding = _h.Staking.GetUnbonding(_h.Head, Key1.Address).Count;
        TxReceipt receipt = _h.Send(Key1, function, value, args);
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Succeeded, Is.False);
            Assert.That(receipt.Logs, Is.Empty);
            Assert.That(_h.Balance(Key1.Address), Is.EqualTo(sender - GasCost(receipt)));
            Assert.That(_h.ContractBalance, Is.EqualTo(contract));
            Assert.That(_h.Staking.GetStake(_h.Head, Key1.Address, StakingRole.Prover), Is.EqualTo(stake));
            Assert.That(_h.Staking.GetUnbonding(_h.Head, Key1.Address), Has.Count.EqualTo(unbonding));
        });
    }

    [Test]
    public void Unknown_selector_and_plain_value_transfers_revert()
    {
        SystemCallResult_AssertReason(new byte[] { 1, 2, 3, 4 }, "unknown function selector 0x01020304");
        SystemCallResult_AssertReason([], SystemContract.ShortCallDataReason);

        // Sending TRUST to the contract without a call must not break its balance invariant.
        UInt256 contract = _h.ContractBalance;
        TxReceipt receipt = _h.Produce(Transfer(Key2, _h.Head.GetAccount(Key2.Address).Nonce, Trust, to: StakingState.ContractAddress, gas: 100_000)).Receipts[0];
        Assert.That(receipt.Succeeded, Is.False);
        Assert.That(_h.ContractBalance, Is.EqualTo(contract));
    }

    [TestCase("stakeOf")]
    [TestCase("isActive")]
    [TestCase("isJailed")]
    public void Views_reject_unknown_roles(string function) =>
        Assert.That(_h.RevertReasonOf(Key1.Address, function, UInt256.Zero, Key1.Address, (byte)7), Does.StartWith("unknown role 7"));

    private void SystemCallResult_AssertReason(byte[] data, string reason)
    {
        SystemCallResult result = _h.Contract.Call(new SystemCallContext(
            _h.Chain.CreateWorldStateAt(_h.Chain.Head), Key1.Address, UInt256.Zero, data, CallGas,
            _h.Chain.CreateSimulationContext(_h.Chain.Head, Proposer)));
        Assert.That(Reason(result), Is.EqualTo(reason));
    }
}
