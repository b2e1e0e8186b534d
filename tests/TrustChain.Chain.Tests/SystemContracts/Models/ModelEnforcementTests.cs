using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.SystemContracts.Models.ModelHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>Refunds after expiry, slashing unauthorised hosts, striking copies in the challenge window, human-only models.</summary>
[TestFixture]
public sealed class ModelEnforcementTests
{
    private const ulong Expiry = 6;
    private const ulong Window = 12;
    private static readonly UInt256 Price = 1_000_000_007UL;
    private static readonly byte[] SeedA = Hex.FromHexString(InteropVectors.Seed);
    private static readonly byte[] SeedB = Keccak256.Compute("copy's own fingerprints"u8).ToArray();

    private static ModelHarness NewChain(AllowListHumanOracle? oracle = null) => new(json =>
    {
        json["params"]!["accessExpiryBlocks"] = Expiry;
        json["params"]!["modelChallengeWindowBlocks"] = Window;
    }, oracle);

    private static ulong RegisterA(ModelHarness h, FingerprintSet set, bool requireHuman = false) =>
        h.Register(Owner1, set, Keccak256.Compute("A"u8), Price, [(Owner1, 9_000)], hostBps: 800, validatorBps: 200, requireHuman);

    [Test]
    public void Unused_escrow_is_refundable_only_after_expiry()
    {
        using ModelHarness h = NewChain();
        ulong model = RegisterA(h, FingerprintSet.Generate(SeedA, 8));
        h.StakeHost(Host);
        h.Authorize(model, Host.Address, Owner1);
        h.SendOk(User, "buyAccess", 10 * Price, (UInt256)model, 10UL);
        ulong expiry = h.HeadNumber + Expiry;
        h.SendOk(Host, "settle", UInt256.Zero, (UInt256)model, User.Address, 4UL, UsageSignature(User, model, Host.Address, 4));

        Assert.That(h.RevertReasonOf(User.Address, "refundExpired", UInt256.Zero, (UInt256)model),
            Is.EqualTo($"access to model {model} expires at block {expiry}; the escrow is refundable from then on (now block {h.HeadNumber + 1})"));
        h.ProduceUntil(expiry - 1);
        UInt256 before = h.Balance(User.Address);
        TxReceipt refund = h.Send(User, "refundExpired", UInt256.Zero, (UInt256)model);
        Assert.That(refund.Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(h.Balance(User.Address), Is.EqualTo(before + 6 * Price - refund.EffectiveGasPrice * refund.GasUsed));
            Assert.That(h.Models.GetAccess(h.Head, model, User.Address), Is.EqualTo(new AccessRecord(4, 4, UInt256.Zero, expiry)));
            Assert.That(h.RegistryBalance, Is.EqualTo(UInt256.Zero));
            Assert.That(ModelEvents.EscrowRefunded.Decode(refund.Logs.Single()), Is.EqualTo(new object[] { (UInt256)model, User.Address, 6 * Price }));
            Assert.That(h.RevertReasonOf(User.Address, "refundExpired", UInt256.Zero, (UInt256)model), Is.EqualTo($"{User.Address} has no escrow on model {model} to refund"));
            Assert.That(h.RevertReasonOf(Host.Address, "settle", UInt256.Zero, (UInt256)model, User.Address, 5UL, UsageSignature(User, model, Host.Address, 5)),
                Is.EqualTo($"cumulativeCalls 5 exceeds the 4 calls {User.Address} bought"), "refunded calls cannot be settled");
        });

        // Buying again starts a new expiry and the counters carry on.
        h.SendOk(User, "buyAccess", 2 * Price, (UInt256)model, 2UL);
        Assert.That(h.Models.GetAccess(h.Head, model, User.Address), Is.EqualTo(new AccessRecord(6, 4, 2 * Price, h.HeadNumber + Expiry)));
    }

    [Test]
    public void Unauthorised_host_serving_a_fingerprint_is_slashed_and_the_reporter_paid()
    {
        using ModelHarness h = NewChain();
        FingerprintSet set = FingerprintSet.Generate(SeedA, 256);
        ulong model = RegisterA(h, set);
        h.StakeHost(Rogue, 2_000 * Trust);
        FingerprintPair pair = set[77];
        object?[] args = [(UInt256)model, Rogue.Address, pair.Key, pair.Response, set.Proof(77), ResponseSignature(Rogue, model, pair)];

        UInt256 reporterBefore = h.Balance(Reporter.Address);
        UInt256 stakingBefore = h.Balance(StakingState.ContractAddress);
        TxReceipt receipt = h.Send(Reporter, "reportUnauthorizedHost", UInt256.Zero, args);
        Assert.That(receipt.Succeeded, Is.True, receipt.Error);
        UInt256 slashed = 200 * Trust; // 10% of 2,000 TRUST
        UInt256 reward = 100 * Trust;  // 50% of the slashed stake; the other half is burned
        Assert.Multiple(() =>
        {
            Assert.That(h.Staking.GetStake(h.Head, Rogue.Address, StakingRole.ModelHost), Is.EqualTo(1_800 * Trust));
            Assert.That(h.Balance(Reporter.Address), Is.EqualTo(reporterBefore + reward - receipt.EffectiveGasPrice * receipt.GasUsed));
            Assert.That(h.Balance(StakingState.ContractAddress), Is.EqualTo(stakingBefore - slashed));
            Assert.That(h.RegistryBalance, Is.EqualTo(UInt256.Zero), "the burned half does not stay in the registry");
            Assert.That(receipt.Logs.Select(l => l.Topics[0]), Is.EqualTo(new[] { StakingEvents.Slashed.Topic0, ModelEvents.UnauthorizedHostReported.Topic0 }),
                "Staking's Slashed lands in the reporter's receipt");
            Assert.That(ModelEvents.UnauthorizedHostReported.Decode(receipt.Logs[^1]),
                Is.EqualTo(new object[] { (UInt256)model, Rogue.Address, Reporter.Address, pair.Key.ToArray(), slashed, reward }));
            Assert.That(h.RevertReasonOf(Reporter.Address, "reportUnauthorizedHost", UInt256.Zero, args),
                Is.EqualTo($"fingerprint {pair.Key} served by host {Rogue.Address} was already reported for model {model}"));
        });

        // Once authorised, serving is allowed.
        FingerprintPair other = set[3];
        h.Authorize(model, Rogue.Address, Owner1);
        Assert.That(h.RevertReasonOf(Reporter.Address, "reportUnauthorizedHost", UInt256.Zero,
                (UInt256)model, Rogue.Address, other.Key, other.Response, set.Proof(3), ResponseSignature(Rogue, model, other)),
            Is.EqualTo($"host {Rogue.Address} is authorised for model {model}: serving it is allowed"));
    }

    /// <summary>Model B copies model A: its host answers A's secret fingerprints. A's owner reveals 8 of them.</summary>
    private static (ModelHarness H, FingerprintSet A, ulong ModelA, ulong ModelB) CopiedModel()
    {
        ModelHarness h = NewChain();
        FingerprintSet a = FingerprintSet.Generate(SeedA, 256);
        ulong modelA = RegisterA(h, a);
        ulong modelB = h.Register(Rogue, FingerprintSet.Generate(SeedB, 64), Keccak256.Compute("B"u8), Price, [(Rogue, 10_000)], 0, 0);
        h.StakeHost(Host);
        h.Authorize(modelB, Host.Address, Rogue);
        h.SendOk(User, "buyAccess", 7 * Price, (UInt256)modelB, 7UL);
        return (h, a, modelA, modelB);
    }

    private static object?[] ChallengeArgs(FingerprintSet a, ulong modelA, ulong modelB, int revealed, int answered)
    {
        int[] indexes = Enumerable.Range(0, revealed).Select(i => i * 31).ToArray();
        return
        [
            (UInt256)modelB, (UInt256)modelA,
            indexes.Select(i => a[i].Key).ToArray(),
            indexes.Select(i => a[i].Response).ToArray(),
            indexes.Select(i => (object)a.Proof(i)).ToArray(),
            indexes.Select((i, n) => n < answered ? ResponseSignature(Host, modelB, a[i]) : Array.Empty<byte>()).ToArray(),
        ];
    }

    [Test]
    public void Copied_model_is_struck_in_the_window_and_its_escrow_refunded()
    {
        (ModelHarness h, FingerprintSet a, ulong modelA, ulong modelB) = CopiedModel();
        using (h)
        {
            Assert.That(h.RevertReasonOf(Owner1.Address, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 3)),
                Is.EqualTo($"3 of 8 revealed fingerprints were answered by model {modelB}'s hosts; striking needs 5000 bps of them"));

            TxReceipt receipt = h.Send(Owner1, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 4));
            Assert.That(receipt.Succeeded, Is.True, receipt.Error);
            Assert.Multiple(() =>
            {
                Assert.That(h.Models.GetModel(h.Head, modelB)!.Status, Is.EqualTo(ModelStatus.Struck));
                Assert.That(h.Models.GetModel(h.Head, modelA)!.Status, Is.EqualTo(ModelStatus.Active));
                Assert.That(ModelEvents.ModelStruck.Decode(receipt.Logs.Single()),
                    Is.EqualTo(new object[] { (UInt256)modelB, (UInt256)modelA, Owner1.Address, (UInt256)4, (UInt256)8 }));
                Assert.That(h.RevertReasonOf(User.Address, "buyAccess", Price, (UInt256)modelB, 1UL),
                    Is.EqualTo($"model {modelB} is struck: access can no longer be bought"));
                Assert.That(h.RevertReasonOf(Host.Address, "settle", UInt256.Zero, (UInt256)modelB, User.Address, 1UL, UsageSignature(User, modelB, Host.Address, 1)),
                    Is.EqualTo($"model {modelB} is struck: usage can no longer be settled"));
                Assert.That(h.RevertReasonOf(Owner1.Address, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 8)),
                    Is.EqualTo($"model {modelB} is already struck"));
            });

            // The escrow is refundable at once, long before expiry.
            UInt256 before = h.Balance(User.Address);
            TxReceipt refund = h.Send(User, "refundExpired", UInt256.Zero, (UInt256)modelB);
            Assert.That(refund.Succeeded, Is.True);
            Assert.That(h.Balance(User.Address), Is.EqualTo(before + 7 * Price - refund.EffectiveGasPrice * refund.GasUsed));
            Assert.That(h.RegistryBalance, Is.EqualTo(UInt256.Zero));
        }
    }

    [Test]
    public void Copied_model_cannot_be_struck_after_the_window()
    {
        (ModelHarness h, FingerprintSet a, ulong modelA, ulong modelB) = CopiedModel();
        using (h)
        {
            ulong closes = h.Models.GetModel(h.Head, modelB)!.RegisteredAt + Window;
            h.ProduceUntil(closes - 2);
            Assert.That(h.RevertReasonOf(Owner1.Address, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 8)), Is.Null, "last block of the window");
            h.Produce();
            Assert.That(h.RevertReasonOf(Owner1.Address, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 8)),
                Is.EqualTo($"the challenge window of model {modelB} closed at block {closes}"));
            Assert.That(h.Send(Owner1, "challengeModel", UInt256.Zero, ChallengeArgs(a, modelA, modelB, 8, 8)).Succeeded, Is.False);
            Assert.That(h.Models.GetModel(h.Head, modelB)!.Status, Is.EqualTo(ModelStatus.Active));
        }
    }

    [Test]
    public void Human_only_model_needs_the_buyers_human_proof_for_its_scope()
    {
        AllowListHumanOracle oracle = new();
        using ModelHarness h = NewChain(oracle);
        ulong model = RegisterA(h, FingerprintSet.Generate(SeedA, 4), requireHuman: true);
        UInt256 scope = ModelRegistryState.HumanScope(model);
        Assert.That(h.RevertReasonOf(User.Address, "buyAccess", Price, (UInt256)model, 1UL),
            Is.EqualTo($"buyer {User.Address} has no human proof for model {model} (scope {Hash256.FromUInt256(scope)})"));
        oracle.Add(User.Address, ModelRegistryState.HumanScope(model + 1));
        Assert.That(h.RevertReasonOf(User.Address, "buyAccess", Price, (UInt256)model, 1UL), Is.Not.Null, "a proof for another model's scope does not count");
        oracle.Add(User.Address, scope);
        h.SendOk(User, "buyAccess", Price, (UInt256)model, 1UL);
        Assert.That(h.Models.GetAccess(h.Head, model, User.Address).CallsBought, Is.EqualTo(1UL));
        Assert.That(h.View("humanScope", (UInt256)model)[0], Is.EqualTo(scope));
    }
}
