using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Semaphore;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.SemaphoreVector;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// Bad input to every state-changing method reverts with a specific reason and changes nothing. The cases share one
/// chain (the vector group, whose root stays current): <see cref="HumanHarness.SendFails"/> checks each left it unchanged.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HumanRevertTests
{
    // The vector group's own member, identity "secret", is the one whose deletion the cases attempt.
    private const ulong AliceIndex = 2;
    private static readonly SemaphoreIdentity Alice = new("secret");
    private static readonly SemaphoreIdentity Bob = new("trustchain-human-bob");

    private HumanHarness _h = null!;

    [OneTimeSetUp]
    public void CreateChain()
    {
        _h = new HumanHarness(VectorKeys());
        EnrolVectorGroup(_h);
        Assert.That(_h.Human.FindByCommitment(_h.Head, Commitment(Alice)), Is.EqualTo(AliceIndex));
    }

    [OneTimeTearDown]
    public void DisposeChain() => _h.Dispose();

    private static IEnumerable<TestCaseData> BadEnrolments()
    {
        UInt256 r = UInt256.Parse(Fr.ModulusDecimal);
        yield return new TestCaseData(UInt256.Zero, Tags("b"), "commitment must not be zero").SetName("Enroll_rejects_zero");
        yield return new TestCaseData(r, Tags("b"), "is not below the BN254 scalar field modulus").SetName("Enroll_rejects_r");
        yield return new TestCaseData(UInt256.MaxValue, Tags("b"), "is not below the BN254 scalar field modulus").SetName("Enroll_rejects_2^256-1");
        yield return new TestCaseData((UInt256)1, Tags("b"), "commitment 1 is already enrolled as human #0").SetName("Enroll_rejects_known_commitment");
        yield return new TestCaseData((UInt256)9, Tags("b", MaxTags + 1), $"at most {MaxTags} dedup tags are allowed, got {MaxTags + 1}").SetName("Enroll_rejects_too_many_tags");
        yield return new TestCaseData((UInt256)9, Tags("b", DedupMatch - 1), $"needs at least {DedupMatch} dedup tags").SetName("Enroll_rejects_too_few_tags");
        Hash256[] repeated = Tags("b", 4);
        repeated[3] = repeated[1];
        yield return new TestCaseData((UInt256)9, repeated, "dedup tag 3").SetName("Enroll_rejects_repeated_tag");
    }

    [TestCaseSource(nameof(BadEnrolments))]
    public void Bad_enrolments_revert_with_a_reason_and_change_nothing(UInt256 commitment, Hash256[] tags, string reason)
    {
        _h.SendFails(Operator, "enroll", UInt256.Zero, reason, commitment, Words(tags));
    }

    private static IEnumerable<TestCaseData> BadDeletions()
    {
        yield return new TestCaseData("another identity's key", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Alice), PublicKey(Bob), h.SignDelete(Bob)]), "identity public key does not hash to commitment").SetName("Delete_rejects_foreign_key");
        yield return new TestCaseData("a signature by another key", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Alice), PublicKey(Alice), Signature(Bob.Sign(HumanIdentityMessages.Delete(h.ChainId, Commitment(Alice))))]), "invalid EdDSA-Poseidon signature").SetName("Delete_rejects_foreign_signature");
        yield return new TestCaseData("a signature for another chain", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Alice), PublicKey(Alice), Signature(Alice.Sign(HumanIdentityMessages.Delete(h.ChainId + 1, Commitment(Alice))))]), "invalid EdDSA-Poseidon signature").SetName("Delete_rejects_other_chain_signature");
        yield return new TestCaseData("a signature over another message", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Alice), PublicKey(Alice), Signature(Alice.Sign("delete"))]), "invalid EdDSA-Poseidon signature").SetName("Delete_rejects_wrong_message");
        yield return new TestCaseData("S above the subgroup order", (Func<HumanHarness, object?[]>)(h =>
        {
            UInt256[] sig = h.SignDelete(Alice);
            sig[2] = UInt256.MaxValue;
            return [Commitment(Alice), PublicKey(Alice), sig];
        }), "invalid EdDSA-Poseidon signature").SetName("Delete_rejects_oversized_S");
        yield return new TestCaseData("R8 off the curve", (Func<HumanHarness, object?[]>)(h =>
        {
            UInt256[] sig = h.SignDelete(Alice);
            sig[0] += 1;
            return [Commitment(Alice), PublicKey(Alice), sig];
        }), "invalid EdDSA-Poseidon signature").SetName("Delete_rejects_R8_off_curve");
        yield return new TestCaseData("a public key coordinate ≥ r", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Alice), new[] { UInt256.MaxValue, PublicKey(Alice)[1] }, h.SignDelete(Alice)]), "coordinates must be below").SetName("Delete_rejects_key_not_in_field");
        yield return new TestCaseData("an unknown commitment", (Func<HumanHarness, object?[]>)(h =>
            [Commitment(Bob), PublicKey(Bob), h.SignDelete(Bob)]), "is not an enrolled human").SetName("Delete_rejects_unknown_commitment");
    }

    [TestCaseSource(nameof(BadDeletions))]
    public void Bad_deletions_revert_and_change_nothing(string what, Func<HumanHarness, object?[]> arguments, string reason)
    {
        _h.SendFails(Outsider, "deleteIdentity", UInt256.Zero, reason, arguments(_h));
        Assert.That(_h.Human.GetHuman(_h.Head, AliceIndex).IsDeleted, Is.False, what);
    }

    private static IEnumerable<TestCaseData> BadProofs()
    {
        UInt256 r = UInt256.Parse(Fr.ModulusDecimal);
        UInt256 q = UInt256.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");
        object?[] Args(Func<object?[], object?[]> edit) => edit(VectorArgs());
        object?[] Point(int i, Func<UInt256, UInt256> edit)
        {
            UInt256[] points = VectorPoints;
            points[i] = edit(points[i]);
            return VectorArgs(points);
        }

        yield return new TestCaseData(Args(a => { a[0] = UInt256.Zero; return a; }), "merkle tree depth 0 is outside 1..32").SetName("Proof_depth_0");
        yield return new TestCaseData(Args(a => { a[0] = (UInt256)33; return a; }), "merkle tree depth 33 is outside 1..32").SetName("Proof_depth_33");
        yield return new TestCaseData(Args(a => { a[0] = (UInt256)15; return a; }), "does not verify against any accepted depth-15").SetName("Proof_wrong_depth");
        yield return new TestCaseData(Args(a => { a[1] = r; return a; }), "is not below the BN254 scalar field modulus").SetName("Proof_root_not_in_field");
        yield return new TestCaseData(Args(a => { a[2] = r + 1; return a; }), "nullifier").SetName("Proof_nullifier_not_in_field");
        yield return new TestCaseData(Args(a => { a[1] = (UInt256)12345; return a; }), "neither the current root").SetName("Proof_unknown_root");
        yield return new TestCaseData(Args(a => { a[3] = (UInt256)2; return a; }), "does not verify").SetName("Proof_other_message");
        yield return new TestCaseData(Point(0, _ => q), "malformed proof points").SetName("Proof_point_not_below_q");
        yield return new TestCaseData(Point(1, y => y + 1), "malformed proof points: Semaphore packed proof point A is not on the G1 curve").SetName("Proof_A_off_curve");
        yield return new TestCaseData(Point(3, x => x + 1), "point B is not a valid G2 point").SetName("Proof_B_off_curve");
    }

    [TestCaseSource(nameof(BadProofs))]
    public void Bad_proofs_revert_with_a_reason_and_the_free_view_says_false(object?[] proofArgs, string reason)
    {
        Assert.That((bool)_h.View("isValidHumanProof", proofArgs)[0], Is.False);
        _h.SendFails(ChainTestKit.Key0, "verifyHuman", _h.Parameters.VerificationFee, reason, WithProver(proofArgs, ProverAccount));
    }

    [TestCase(0UL, "fee 0 is below the verification fee")]
    [TestCase(1UL, "fee 1 is below the verification fee")]
    public void Fee_below_the_minimum_reverts(ulong fee, string reason)
    {
        _h.SendFails(ChainTestKit.Key0, "verifyHuman", fee, reason, WithProver(VectorArgs(), ProverAccount));
    }

    [Test]
    public void Zero_prover_reverts()
    {
        _h.SendFails(ChainTestKit.Key0, "verifyHuman", _h.Parameters.VerificationFee, "prover must not be the zero address", WithProver(VectorArgs(), Address.Zero));
    }
}
