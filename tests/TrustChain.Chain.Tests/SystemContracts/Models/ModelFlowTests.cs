using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.SystemContracts.Models.ModelHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// The scenario on one chain: a model with 256 fingerprints, three owners authorising a host by accumulated
/// approvals, a user buying 100 calls, the host settling 60 with a real EIP-712 signature, split to the wei, and every
/// kind of bad settlement rejected.
/// </summary>
[TestFixture]
public sealed class ModelFlowTests
{
    private static readonly UInt256 Price = 3_333_333_333_333_333UL;
    private static readonly Hash256 Weights = Keccak256.Compute("model A weights"u8);
    private static readonly (PrivateKey, ushort)[] Owners = [(Owner1, 3_333), (Owner2, 3_333), (Owner3, 1_334)];

    private ModelHarness _h = null!;
    private FingerprintSet _fingerprints = null!;
    private ulong _model;

    [OneTimeSetUp]
    public void SetUp()
    {
        _h = new ModelHarness();
        _fingerprints = FingerprintSet.Generate(Hex.FromHexString(InteropVectors.Seed), 256);
        _model = _h.Register(Owner1, _fingerprints, Weights, Price, Owners, hostBps: 1_500, validatorBps: 500);
        _h.StakeHost(Host);
    }

    [OneTimeTearDown]
    public void TearDown() => _h.Dispose();

    [Test, Order(1)]
    public void Registration_is_readable_natively_and_through_the_abi()
    {
        ModelRecord model = _h.Models.GetModel(_h.Head, _model)!;
        Assert.Multiple(() =>
        {
            Assert.That(_model, Is.EqualTo(1UL));
            Assert.That(model.Registrant, Is.EqualTo(Owner1.Address));
            Assert.That(model.FingerprintRoot, Is.EqualTo(Hash256.Parse(InteropVectors.Sets[^1].Root)));
            Assert.That(model.FingerprintCount, Is.EqualTo(256u));
            Assert.That(model.PricePerCall, Is.EqualTo(Price));
            Assert.That(model.Owners, Is.EqualTo(new[] { new ModelOwner(Owner1.Address, 3_333), new ModelOwner(Owner2.Address, 3_333), new ModelOwner(Owner3.Address, 1_334) }));
            Assert.That(model.Status, Is.EqualTo(ModelStatus.Active));
            Assert.That(_h.Models.ListModels(_h.Head, 0, 10).Select(m => m.Id), Is.EqualTo(new[] { 1UL }));
            Assert.That(_h.Models.GetModel(_h.Head, 2), Is.Null);
        });

        object[] tuple = (object[])_h.View("getModel", (UInt256)_model)[0];
        Assert.Multiple(() =>
        {
            Assert.That(tuple[0], Is.EqualTo((UInt256)1));
            Assert.That(tuple[1], Is.EqualTo(Owner1.Address));
            Assert.That(tuple[3], Is.EqualTo(model.FingerprintRoot.ToArray()));
            Assert.That(tuple[5], Is.EqualTo("ipfs://model"));
            Assert.That(tuple[7], Is.EqualTo(new object[] { Owner1.Address, Owner2.Address, Owner3.Address }));
            Assert.That(tuple[8], Is.EqualTo(new object[] { (UInt256)3_333, (UInt256)3_333, (UInt256)1_334 }));
            Assert.That(tuple[9], Is.EqualTo((UInt256)1_500));
            Assert.That(tuple[13], Is.EqualTo((UInt256)1));
            Assert.That(_h.View("modelCount")[0], Is.EqualTo((UInt256)1));
        });
    }

    [Test, Order(2)]
    public void Every_fingerprint_proves_ownership_and_a_wrong_one_does_not()
    {
        for (int i = 0; i < _fingerprints.Count; i += 51)
        {
            FingerprintPair pair = _fingerprints[i];
            Assert.That(_h.View("proveOwnership", (UInt256)_model, pair.Key, pair.Response, _fingerprints.Proof(i))[0], Is.True, $"fingerprint {i}");
            Assert.That(_h.Models.ProveOwnership(_h.Head, _model, pair.Key, pair.Response, _fingerprints.Proof(i)), Is.True);
        }

        Assert.That(_h.View("proveOwnership", (UInt256)_model, _fingerprints[0].Key, _fingerprints[1].Response, _fingerprints.Proof(0))[0], Is.False);
    }

    [Test, Order(3)]
    public void Host_is_authorised_once_owners_with_half_the_ownership_approved()
    {
        // Ownership is 8,000 bps; 1,334 is not half of it, 1,334 + 3,333 is.
        TxReceipt first = _h.Send(Owner3, "authorizeHost", UInt256.Zero, (UInt256)_model, Host.Address);
        Assert.That(first.Succeeded, Is.True);
        Assert.That(_h.Models.IsHostAuthorized(_h.Head, _model, Host.Address), Is.False);
        Assert.That(_h.Models.GetHostApprovalBps(_h.Head, _model, Host.Address), Is.EqualTo(1_334UL));
        object[] approval = ModelEvents.HostApproval.Decode(first.Logs.Single());
        Assert.That(approval, Is.EqualTo(new object[] { (UInt256)_model, Host.Address, Owner3.Address, true, (UInt256)1_334 }));

        TxReceipt second = _h.Send(Owner2, "authorizeHost", UInt256.Zero, (UInt256)_model, Host.Address);
        Assert.That(second.Logs.Select(l => l.Topics[0]), Is.EqualTo(new[] { ModelEvents.HostApproval.Topic0, ModelEvents.HostAuthorized.Topic0 }));
        Assert.That(_h.Models.IsHostAuthorized(_h.Head, _model, Host.Address), Is.True);
        Assert.That(_h.View("isHostAuthorized", (UInt256)_model, Host.Address)[0], Is.True);
        Assert.That(_h.Models.GetHostApprovalBps(_h.Head, _model, Host.Address), Is.Zero, "a new approval round starts");
    }

    [Test, Order(4)]
    public void User_buys_100_calls_into_escrow()
    {
        UInt256 cost = 100 * Price;
        UInt256 before = _h.Balance(User.Address);
        TxReceipt receipt = _h.Send(User, "buyAccess", cost, (UInt256)_model, 100UL);
        Assert.That(receipt.Succeeded, Is.True);
        ulong expiry = _h.HeadNumber + _h.Models.Parameters.AccessExpiryBlocks;
        Assert.Multiple(() =>
        {
            Assert.That(_h.Balance(User.Address), Is.EqualTo(before - cost - receipt.EffectiveGasPrice * receipt.GasUsed));
            Assert.That(_h.Models.GetAccess(_h.Head, _model, User.Address), Is.EqualTo(new AccessRecord(100, 0, cost, expiry)));
            Assert.That(_h.RegistryBalance, Is.EqualTo(cost));
            Assert.That(ModelEvents.AccessBought.Decode(receipt.Logs.Single()), Is.EqualTo(new object[] { (UInt256)_model, User.Address, (UInt256)100, cost, (UInt256)expiry }));
            Assert.That(_h.View("getAccess", (UInt256)_model, User.Address), Is.EqualTo(new object[] { (UInt256)100, UInt256.Zero, cost, (UInt256)expiry }));
        });
    }

    [Test, Order(5)]
    public void Host_settles_60_calls_split_to_the_wei()
    {
        UInt256 amount = 60 * Price;
        // Expected parts written out independently of ModelPaymentSplit: ⌊amount·bps/10⁴⌋, the dust to the first owner.
        UInt256 o2 = amount * 3_333 / 10_000;
        UInt256 o3 = amount * 1_334 / 10_000;
        UInt256 host = amount * 1_500 / 10_000;
        UInt256 validators = amount * 500 / 10_000;
        UInt256 o1 = amount - o2 - o3 - host - validators;
        Assert.That(o1 - o2, Is.GreaterThan(UInt256.Zero), "the price is chosen so the split leaves dust");

        UInt256[] before = [_h.Balance(Owner1.Address), _h.Balance(Owner2.Address), _h.Balance(Owner3.Address), _h.Balance(Host.Address)];
        UInt256 pool = _h.Staking.GetRewardPool(_h.Head, StakingRole.Validator);
        TxReceipt receipt = _h.Send(Host, "settle", UInt256.Zero, (UInt256)_model, User.Address, 60UL, UsageSignature(User, _model, Host.Address, 60));
        Assert.That(receipt.Succeeded, Is.True, receipt.Error);
        UInt256 gas = receipt.EffectiveGasPrice * receipt.GasUsed;
        Assert.Multiple(() =>
        {
            Assert.That(_h.Balance(Owner1.Address) - before[0], Is.EqualTo(o1));
            Assert.That(_h.Balance(Owner2.Address) - before[1], Is.EqualTo(o2));
            Assert.That(_h.Balance(Owner3.Address) - before[2], Is.EqualTo(o3));
            Assert.That(_h.Balance(Host.Address) + gas - before[3], Is.EqualTo(host));
            Assert.That(_h.Staking.GetRewardPool(_h.Head, StakingRole.Validator) - pool, Is.EqualTo(validators));
            Assert.That(_h.Models.GetAccess(_h.Head, _model, User.Address).CallsSettled, Is.EqualTo(60UL));
            Assert.That(_h.Models.GetAccess(_h.Head, _model, User.Address).Escrow, Is.EqualTo(40 * Price));
            Assert.That(receipt.Logs.Select(l => l.Topics[0]), Is.EqualTo(new[] { StakingEvents.FeesAccrued.Topic0, ModelEvents.UsageSettled.Topic0 }),
                "Staking's FeesAccrued for the validators' share lands in the same receipt");
            Assert.That(ModelEvents.UsageSettled.Decode(receipt.Logs[^1]),
                Is.EqualTo(new object[] { (UInt256)_model, User.Address, Host.Address, (UInt256)60, amount }));
        });
    }

    private static IEnumerable<TestCaseData> BadSettlements()
    {
        yield return new TestCaseData(60UL, (Func<byte[]>)(() => UsageSignature(User, 1, Host.Address, 60)), "cumulativeCalls 60 must exceed the 60 calls already settled (replayed or stale receipt)")
            .SetName("Settle_replayed_receipt");
        yield return new TestCaseData(50UL, (Func<byte[]>)(() => UsageSignature(User, 1, Host.Address, 50)), "cumulativeCalls 50 must exceed the 60 calls already settled (replayed or stale receipt)")
            .SetName("Settle_lower_receipt");
        yield return new TestCaseData(101UL, (Func<byte[]>)(() => UsageSignature(User, 1, Host.Address, 101)), $"cumulativeCalls 101 exceeds the 100 calls {User.Address} bought")
            .SetName("Settle_more_than_bought");
        yield return new TestCaseData(80UL, (Func<byte[]>)(() => UsageSignature(User, 2, Host.Address, 80)), null).SetName("Settle_receipt_of_another_model");
        yield return new TestCaseData(80UL, (Func<byte[]>)(() => UsageSignature(User, 1, Host.Address, 80, chainId: 1)), null).SetName("Settle_receipt_of_another_chain");
        yield return new TestCaseData(80UL, (Func<byte[]>)(() => UsageSignature(User, 1, Rogue.Address, 80)), null).SetName("Settle_receipt_for_another_host");
        yield return new TestCaseData(80UL, (Func<byte[]>)(() => UsageSignature(User, 1, Host.Address, 79)), null).SetName("Settle_receipt_for_other_count");
        yield return new TestCaseData(80UL, (Func<byte[]>)(() => UsageSignature(Rogue, 1, Host.Address, 80)), null).SetName("Settle_receipt_signed_by_someone_else");
    }

    [Test, Order(6)]
    [TestCaseSource(nameof(BadSettlements))]
    public void Bad_settlements_are_rejected_and_pay_nothing(ulong cumulative, Func<byte[]> sign, string? reason)
    {
        object?[] args = [(UInt256)_model, User.Address, cumulative, sign()];
        string? actual = _h.RevertReasonOf(Host.Address, "settle", UInt256.Zero, args);
        if (reason is null)
        {
            // A receipt bound to anything else recovers to some unrelated address.
            Assert.That(actual, Does.StartWith("user signature was made by 0x").And.EndWith($", not by {User.Address}"));
        }
        else
        {
            Assert.That(actual, Is.EqualTo(reason));
        }

        AccessRecord access = _h.Models.GetAccess(_h.Head, _model, User.Address);
        UInt256 owner = _h.Balance(Owner1.Address);
        Assert.That(_h.Send(Host, "settle", UInt256.Zero, args).Succeeded, Is.False);
        Assert.That(_h.Models.GetAccess(_h.Head, _model, User.Address), Is.EqualTo(access));
        Assert.That(_h.Balance(Owner1.Address), Is.EqualTo(owner));
    }

    [Test, Order(7)]
    public void Settling_the_rest_empties_the_escrow()
    {
        _h.SendOk(Host, "settle", UInt256.Zero, (UInt256)_model, User.Address, 100UL, UsageSignature(User, _model, Host.Address, 100));
        Assert.That(_h.Models.GetAccess(_h.Head, _model, User.Address).Escrow, Is.EqualTo(UInt256.Zero));
        Assert.That(_h.RegistryBalance, Is.EqualTo(UInt256.Zero));
    }

    [Test, Order(8)]
    public void Revocation_also_needs_half_the_ownership_and_stops_settlement()
    {
        _h.SendOk(User, "buyAccess", 5 * Price, (UInt256)_model, 5UL);
        _h.SendOk(Owner1, "revokeHost", UInt256.Zero, (UInt256)_model, Host.Address);
        Assert.That(_h.Models.IsHostAuthorized(_h.Head, _model, Host.Address), Is.True, "3,333 of 8,000 bps is not half");
        _h.SendOk(Owner2, "revokeHost", UInt256.Zero, (UInt256)_model, Host.Address);
        Assert.That(_h.Models.IsHostAuthorized(_h.Head, _model, Host.Address), Is.False);
        Assert.That(_h.RevertReasonOf(Host.Address, "settle", UInt256.Zero, (UInt256)_model, User.Address, 101UL, UsageSignature(User, _model, Host.Address, 101)),
            Is.EqualTo($"caller {Host.Address} is not an authorised host of model {_model}"));
    }
}
