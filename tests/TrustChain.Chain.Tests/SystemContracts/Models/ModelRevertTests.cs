using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.SystemContracts.Models.ModelHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// Every revert of the registry: the eth_call on the head gives the reason, and the same call sent as a transaction
/// fails and leaves the registry (models, escrow, authorisations) and the host stakes untouched.
/// </summary>
[TestFixture]
public sealed class ModelRevertTests
{
    private static readonly UInt256 Price = 1_000_000_000_000UL;
    private static readonly Hash256 WeightsA = Keccak256.Compute("A"u8);
    private static readonly FingerprintSet A = FingerprintSet.Generate(Hex.FromHexString(InteropVectors.Seed), 16);
    private static readonly FingerprintSet C = FingerprintSet.Generate(Keccak256.Compute("C"u8).ToArray(), 16);

    private ModelHarness _h = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _h = new ModelHarness();
        // Model 1: three owners, Host authorised, Rogue staked with one pending approval, User holds 10 calls.
        _h.Register(Owner1, A, WeightsA, Price, [(Owner1, 3_000), (Owner2, 3_000), (Owner3, 2_000)], 1_500, 500);
        _h.StakeHost(Host);
        _h.StakeHost(Rogue);
        _h.Authorize(1, Host.Address, Owner1, Owner2);
        _h.SendOk(Owner3, "authorizeHost", UInt256.Zero, (UInt256)1, Rogue.Address);
        _h.SendOk(User, "buyAccess", 10 * Price, (UInt256)1, 10UL);
        // Model 2 needs human proofs (no oracle installed); model 3 is Rogue's, hosted by Rogue.
        _h.Register(Owner1, C, Keccak256.Compute("B"u8), Price, [(Owner1, 9_000)], 800, 200, requireHuman: true);
        _h.Register(Rogue, C, Keccak256.Compute("C"u8), Price, [(Rogue, 10_000)], 0, 0);
        _h.Authorize(3, Rogue.Address, Rogue);
    }

    [OneTimeTearDown]
    public void TearDown() => _h.Dispose();

    private static object?[] Register(Hash256? weights = null, Hash256? root = null, uint count = 16, UInt256? price = null,
        Address[]? owners = null, ushort[]? bps = null, ushort host = 0, ushort validators = 0, string uri = "ipfs://x") =>
        RegisterArgs(root ?? A.Root, count, weights ?? Keccak256.Compute("fresh"u8), price ?? Price, owners ?? [Owner1.Address],
            bps ?? [10_000], host, validators, uri: uri);

    private static object?[] Report(Address host, PrivateKey signer, int index = 5, Hash256? response = null, ulong model = 1) =>
        [(UInt256)model, host, A[index].Key, response ?? A[index].Response, A.Proof(index), ResponseSignature(signer, model, A[index])];

    private static object?[] Challenge(ulong newModel, ulong earlier, int revealed, int signedByRogue, PrivateKey? signer = null)
    {
        int[] ix = Enumerable.Range(0, revealed).ToArray();
        return
        [
            (UInt256)newModel, (UInt256)earlier, ix.Select(i => A[i].Key).ToArray(), ix.Select(i => A[i].Response).ToArray(),
            ix.Select(i => (object)A.Proof(i)).ToArray(),
            ix.Select(i => i < signedByRogue ? ResponseSignature(signer ?? Rogue, newModel, A[i]) : Array.Empty<byte>()).ToArray(),
        ];
    }

    private static IEnumerable<TestCaseData> Reverts()
    {
        PrivateKey o1 = Owner1;
        Address[] seventeen = Enumerable.Range(1, 17).Select(i => new Address(Keccak256.Compute([(byte)i]).Bytes[..20])).ToArray();
        object?[] mismatched = Challenge(3, 1, 2, 2);
        mismatched[3] = new[] { A[0].Response };
        object?[] duplicate = Challenge(3, 1, 2, 2);
        ((Hash256[])duplicate[2]!)[1] = A[0].Key;
        object?[] notInTree = Challenge(3, 1, 2, 2);
        ((Hash256[])notInTree[3]!)[0] = A[1].Response;
        object?[] badSignature = Challenge(3, 1, 2, 2);
        ((byte[][])badSignature[5]!)[0][64] = 5;
        object?[] tooMany = [(UInt256)3, (UInt256)1, new Hash256[257], new Hash256[257], new object[257].Select(_ => (object)Array.Empty<Hash256>()).ToArray(), new byte[257][].Select(_ => Array.Empty<byte>()).ToArray()];
        string registerSignature = "registerModel(bytes32,bytes32,uint32,string,uint256,address[],uint16[],uint16,uint16,bool)";

        yield return Case("register zero weights", o1, "registerModel", 0, Register(weights: Hash256.Zero), "weightsHash must not be zero");
        yield return Case("register zero root", o1, "registerModel", 0, Register(root: Hash256.Zero), "fingerprintRoot must not be zero");
        yield return Case("register zero count", o1, "registerModel", 0, Register(count: 0), "fingerprintCount must be greater than zero");
        yield return Case("register huge count", o1, "registerModel", 0, Register(count: (1u << 24) + 1), "fingerprintCount 16777217 exceeds the maximum 16777216");
        yield return Case("register zero price", o1, "registerModel", 0, Register(price: UInt256.Zero), "pricePerCall must be greater than zero");
        yield return Case("register long uri", o1, "registerModel", 0, Register(uri: new string('x', 1_025)), "uri is 1025 bytes; at most 1024 allowed");
        yield return Case("register no owners", o1, "registerModel", 0, Register(owners: [], bps: []), "owners must not be empty");
        yield return Case("register 17 owners", o1, "registerModel", 0, Register(owners: seventeen, bps: Enumerable.Repeat((ushort)500, 17).ToArray()), "at most 16 owners allowed, got 17");
        yield return Case("register bps count", o1, "registerModel", 0, Register(owners: [Owner1.Address, Owner2.Address]), "ownerBps has 1 entries for 2 owners");
        yield return Case("register zero owner", o1, "registerModel", 0, Register(owners: [Owner1.Address, Address.Zero], bps: [5_000, 5_000]), "owner 1 is the zero address");
        yield return Case("register zero share", o1, "registerModel", 0, Register(owners: [Owner1.Address, Owner2.Address], bps: [10_000, 0]), $"owner {Owner2.Address} has a zero share");
        yield return Case("register duplicate owner", o1, "registerModel", 0, Register(owners: [Owner1.Address, Owner1.Address], bps: [5_000, 5_000]), $"owner {Owner1.Address} is listed twice");
        yield return Case("register bps sum", o1, "registerModel", 0, Register(bps: [9_000], host: 500, validators: 400), "sum(ownerBps) 9000 + hostBps 500 + validatorBps 400 = 9900; must be 10000");
        yield return Case("register bps over", o1, "registerModel", 0, Register(bps: [9_000], host: 1_000, validators: 1), "sum(ownerBps) 9000 + hostBps 1000 + validatorBps 1 = 10001; must be 10000");
        yield return Case("register same weights", o1, "registerModel", 0, Register(weights: WeightsA), $"weightsHash {WeightsA} is already registered as model 1");
        yield return Case("register with value", o1, "registerModel", 1, Register(), $"function {registerSignature} is not payable");

        yield return Case("authorize unknown model", o1, "authorizeHost", 0, [(UInt256)99, Host.Address], "model 99 does not exist");
        yield return Case("authorize by non owner", User, "authorizeHost", 0, [(UInt256)1, Rogue.Address], $"caller {User.Address} is not an owner of model 1");
        yield return Case("authorize zero host", o1, "authorizeHost", 0, [(UInt256)1, Address.Zero], "host must not be the zero address");
        yield return Case("authorize unstaked host", o1, "authorizeHost", 0, [(UInt256)1, Reporter.Address], $"host {Reporter.Address} has no active ModelHost stake");
        yield return Case("authorize twice", o1, "authorizeHost", 0, [(UInt256)1, Host.Address], $"host {Host.Address} is already authorised for model 1");
        yield return Case("approve twice", Owner3, "authorizeHost", 0, [(UInt256)1, Rogue.Address], $"owner {Owner3.Address} already approved authorising host {Rogue.Address}");
        yield return Case("revoke unauthorised", o1, "revokeHost", 0, [(UInt256)1, Rogue.Address], $"host {Rogue.Address} is not authorised for model 1");

        yield return Case("buy zero calls", User, "buyAccess", 0, [(UInt256)1, 0UL], "calls must be greater than zero");
        yield return Case("buy underpaid", User, "buyAccess", 3 * Price - 1, [(UInt256)1, 3UL], $"buyAccess needs exactly calls * pricePerCall = {3 * Price} wei, got {3 * Price - 1}");
        yield return Case("buy overpaid", User, "buyAccess", 3 * Price + 1, [(UInt256)1, 3UL], $"buyAccess needs exactly calls * pricePerCall = {3 * Price} wei, got {3 * Price + 1}");
        yield return Case("buy human only without registry", User, "buyAccess", Price, [(UInt256)2, 1UL], "model 2 requires a human proof, but no human-proof registry is installed");
        yield return Case("buy model id above 64 bits", User, "buyAccess", Price, [UInt256.One << 64, 1UL], "model 18446744073709551616 does not exist");
        yield return Case("refund without escrow", Owner2, "refundExpired", 0, [(UInt256)1], $"{Owner2.Address} has no escrow on model 1 to refund");

        yield return Case("settle by unauthorised host", Rogue, "settle", 0, [(UInt256)1, User.Address, 5UL, UsageSignature(User, 1, Rogue.Address, 5)], $"caller {Rogue.Address} is not an authorised host of model 1");
        yield return Case("settle zero calls", Host, "settle", 0, [(UInt256)1, User.Address, 0UL, UsageSignature(User, 1, Host.Address, 0)], "cumulativeCalls 0 must exceed the 0 calls already settled (replayed or stale receipt)");
        yield return Case("settle short signature", Host, "settle", 0, [(UInt256)1, User.Address, 5UL, UsageSignature(User, 1, Host.Address, 5)[..64]], "invalid user signature: signature must be 65 bytes (r ‖ s ‖ v), got 64");
        yield return Case("settle user without access", Host, "settle", 0, [(UInt256)1, Owner2.Address, 1UL, UsageSignature(Owner2, 1, Host.Address, 1)], $"cumulativeCalls 1 exceeds the 0 calls {Owner2.Address} bought");

        yield return Case("report not a fingerprint", Reporter, "reportUnauthorizedHost", 0, Report(Rogue.Address, Rogue, response: A[6].Response), "(key, response) is not a fingerprint of model 1: the Merkle proof does not lead to its root");
        yield return Case("report empty signature", Reporter, "reportUnauthorizedHost", 0, [(UInt256)1, Rogue.Address, A[5].Key, A[5].Response, A.Proof(5), Array.Empty<byte>()], "invalid host signature: signature must be 65 bytes (r ‖ s ‖ v), got 0");
        yield return Case("report signer mismatch", Reporter, "reportUnauthorizedHost", 0, Report(Rogue.Address, Host), $"host signature was made by {Host.Address}, not by {Rogue.Address}");
        yield return Case("report authorised host", Reporter, "reportUnauthorizedHost", 0, Report(Host.Address, Host), $"host {Host.Address} is authorised for model 1: serving it is allowed");
        yield return Case("report unstaked host", Reporter, "reportUnauthorizedHost", 0, Report(Reporter.Address, Reporter), $"host {Reporter.Address} has no ModelHost stake to slash");
        yield return Case("report unknown model", Reporter, "reportUnauthorizedHost", 0, Report(Rogue.Address, Rogue, model: 4), "model 4 does not exist");
        yield return Case("prove unknown model", Reporter, "proveOwnership", 0, [(UInt256)0, A[0].Key, A[0].Response, A.Proof(0)], "model 0 does not exist");

        yield return Case("challenge by non owner", User, "challengeModel", 0, Challenge(3, 1, 2, 2), $"caller {User.Address} is not an owner of model 1");
        yield return Case("challenge a later model", Rogue, "challengeModel", 0, Challenge(1, 3, 2, 2), "model 3 was not registered before model 1");
        yield return Case("challenge itself", o1, "challengeModel", 0, Challenge(1, 1, 2, 2), "model 1 was not registered before model 1");
        yield return Case("challenge nothing revealed", o1, "challengeModel", 0, Challenge(3, 1, 0, 0), "reveal at least one fingerprint");
        yield return Case("challenge too many", o1, "challengeModel", 0, tooMany, "at most 256 fingerprints per challenge, got 257");
        yield return Case("challenge length mismatch", o1, "challengeModel", 0, mismatched, "keys, responses, proofs and hostSignatures must have the same length, got 2, 1, 2, 2");
        yield return Case("challenge duplicate key", o1, "challengeModel", 0, duplicate, $"fingerprint key {A[0].Key} is revealed twice");
        yield return Case("challenge not a fingerprint", o1, "challengeModel", 0, notInTree, "fingerprint 0 is not in model 1's fingerprint tree");
        yield return Case("challenge bad signature", o1, "challengeModel", 0, badSignature, "host signature 0 is invalid: signature v must be 27 or 28 (or 0/1), got 5");
        yield return Case("challenge foreign host", o1, "challengeModel", 0, Challenge(3, 1, 2, 1, Host), $"host signature 0 was made by {Host.Address}, not by an authorised host of model 3");
        yield return Case("challenge below threshold", o1, "challengeModel", 0, Challenge(3, 1, 4, 1), "1 of 4 revealed fingerprints were answered by model 3's hosts; striking needs 5000 bps of them");
        yield return Case("challenge none answered", o1, "challengeModel", 0, Challenge(3, 1, 4, 0), "0 of 4 revealed fingerprints were answered by model 3's hosts; striking needs 5000 bps of them");
    }

    private static TestCaseData Case(string name, PrivateKey caller, string function, UInt256 value, object?[] args, string reason) =>
        new TestCaseData(caller, function, value, args, reason).SetName("Reverts_" + name.Replace(' ', '_'));

    [TestCaseSource(nameof(Reverts))]
    public void Reverts_with_reason_and_changes_nothing(PrivateKey caller, string function, UInt256 value, object?[] args, string reason)
    {
        Assert.That(_h.RevertReasonOf(caller.Address, function, value, args), Is.EqualTo(reason));

        UInt256 registry = _h.RegistryBalance;
        ulong models = _h.Models.GetModelCount(_h.Head);
        AccessRecord access = _h.Models.GetAccess(_h.Head, 1, User.Address);
        UInt256 rogueStake = _h.Staking.GetStake(_h.Head, Rogue.Address, StakingRole.ModelHost);
        ulong approvals = _h.Models.GetHostApprovalBps(_h.Head, 1, Rogue.Address);
        TxReceipt receipt = _h.Send(caller, function, value, args);
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Succeeded, Is.False);
            Assert.That(receipt.Logs, Is.Empty);
            Assert.That(_h.RegistryBalance, Is.EqualTo(registry));
            Assert.That(_h.Models.GetModelCount(_h.Head), Is.EqualTo(models));
            Assert.That(_h.Models.GetAccess(_h.Head, 1, User.Address), Is.EqualTo(access));
            Assert.That(_h.Staking.GetStake(_h.Head, Rogue.Address, StakingRole.ModelHost), Is.EqualTo(rogueStake));
            Assert.That(_h.Models.GetHostApprovalBps(_h.Head, 1, Rogue.Address), Is.EqualTo(approvals));
            Assert.That(_h.Models.GetModel(_h.Head, 3)!.Status, Is.EqualTo(ModelStatus.Active));
        });
    }

    [Test]
    public void Refund_before_expiry_reverts_with_the_expiry_block()
    {
        AccessRecord access = _h.Models.GetAccess(_h.Head, 1, User.Address);
        Assert.That(_h.RevertReasonOf(User.Address, "refundExpired", UInt256.Zero, (UInt256)1),
            Is.EqualTo($"access to model 1 expires at block {access.ExpiryBlock}; the escrow is refundable from then on (now block {_h.HeadNumber + 1})"));
    }
}
