using System.Text.Json;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;
using static TrustChain.Chain.Tests.SystemContracts.RegistryTestChain;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

[TestFixture]
public sealed class HumanEnrollmentTests
{
    private static readonly UInt256 FieldModulus = UInt256.Parse(Fr.ModulusDecimal);

    [Test]
    public void Root_and_header_match_the_reference_tree_and_the_published_semaphore_group()
    {
        // The published Semaphore v4 vector's group: leaves 1, 2 and the commitment of identity "secret"
        // (@semaphore-protocol/group 4.14 computed its root).
        using JsonDocument vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "vectors", "semaphore", "semaphore_v4_depth16_vector.json")));
        JsonElement group = vector.RootElement.GetProperty("group");
        UInt256[] leaves = group.GetProperty("leaves").EnumerateArray().Select(e => UInt256.Parse(e.GetString()!)).ToArray();

        using HumanHarness h = new();
        LeanImtTree reference = new();
        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.That(h.Enroll(leaves[i], Tags($"group/{i}")), Is.EqualTo((ulong)i));
            reference.Insert(Fr.FromBytesBigEndian(leaves[i].ToBigEndian()));
            Assert.Multiple(() =>
            {
                Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
                Assert.That(h.Chain.Head.HumanSetRoot, Is.EqualTo(new Hash256(reference.Root.ToBytesBigEndian())), "header humanSetRoot");
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(UInt256.Parse(group.GetProperty("root").GetString()!)));
            Assert.That((UInt256)h.View("root")[0], Is.EqualTo(UInt256.Parse(group.GetProperty("root").GetString()!)));
            Assert.That((UInt256)h.View("size")[0], Is.EqualTo((UInt256)3));
            Assert.That((UInt256)h.View("depth")[0], Is.EqualTo((UInt256)2));
        });

        // The Merkle proof is @zk-kit/lean-imt's, as published for leaf 2.
        LeanImtProof proof = h.Human.GetMerkleProof(h.Head, leaves[2])!;
        JsonElement expected = group.GetProperty("proofForLeafIndex2");
        Assert.Multiple(() =>
        {
            Assert.That(proof.Index, Is.EqualTo(expected.GetProperty("index").GetUInt64()));
            Assert.That(proof.Siblings.Select(s => s.ToString()), Is.EqualTo(expected.GetProperty("siblings").EnumerateArray().Select(s => s.GetString())));
            Assert.That(proof.Root.ToString(), Is.EqualTo(group.GetProperty("root").GetString()));
        });
    }

    [Test]
    public void Enroll_stores_the_human_and_emits_the_event()
    {
        using HumanHarness h = new();
        UInt256 commitment = 123_456;
        TxReceipt receipt = h.SendOk(Operator, "enroll", UInt256.Zero, commitment, Words(Tags("a")));
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Logs, Has.Count.EqualTo(1));
            Assert.That(receipt.Logs[0].Address, Is.EqualTo(SystemContractAddresses.HumanRegistry));
            Assert.That(HumanRegistryEvents.HumanEnrolled.Decode(receipt.Logs[0]), Is.EqualTo(new object[] { UInt256.Zero, commitment, Operator.Address }));
            Assert.That(h.View("getHuman", UInt256.Zero), Is.EqualTo(new object[] { commitment, (UInt256)receipt.BlockNumber, false }));
            Assert.That(h.View("indexOf", commitment), Is.EqualTo(new object[] { true, UInt256.Zero }));
            Assert.That(h.View("indexOf", (UInt256)99), Is.EqualTo(new object[] { false, UInt256.Zero }));
            Assert.That(h.Human.GetHuman(h.Head, 0), Is.EqualTo(new HumanRecord(0, commitment, receipt.BlockNumber, Operator.Address, 0)));
            Assert.That(h.Human.FindByCommitment(h.Head, commitment), Is.EqualTo(0UL));
        });
    }

    [Test]
    public void Dedup_rejects_at_dedupMatch_naming_the_human_and_passes_below_it()
    {
        using HumanHarness h = new();
        Hash256[] first = Tags("first");
        h.Enroll(11, first);
        h.Enroll(12, Tags("second"));

        // DedupMatch − 1 shared tags: a different person.
        Hash256[] near = [.. first.Take(DedupMatch - 1), .. Tags("near").Take(MaxTags - DedupMatch + 1)];
        Assert.That(h.Human.FindDuplicate(h.Head, near, h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(0, DedupMatch - 1)));
        Assert.That(h.View("findDuplicate", (object)Words(near)), Is.EqualTo(new object[] { true, UInt256.Zero, (UInt256)(DedupMatch - 1) }));
        h.Enroll(13, near);

        // Exactly DedupMatch shared tags with human #1: the same person.
        Hash256[] copy = [.. Tags("second").Skip(2).Take(DedupMatch), .. Tags("copy").Take(2)];
        h.SendFails(Operator, "enroll", UInt256.Zero, $"duplicate human: {DedupMatch} of {copy.Length} dedup tags match human #1", (UInt256)14, Words(copy));
        Assert.That(h.Human.GetSize(h.Head), Is.EqualTo(3UL));
    }

    [Test]
    public void Only_active_enrollment_operators_enrol_and_unstaking_removes_the_right_at_once()
    {
        using HumanHarness h = new();
        h.SendFails(Outsider, "enroll", UInt256.Zero, "is not an active EnrollmentOperator", (UInt256)5, Words(Tags("x")));

        // A Prover stake is not an operator stake.
        Assert.That(h.SendStaking(Outsider, "stake", 1_000 * Trust, (byte)StakingRole.Prover).Succeeded, Is.True);
        h.SendFails(Outsider, "enroll", UInt256.Zero, "is not an active EnrollmentOperator", (UInt256)5, Words(Tags("x")));

        h.Enroll(5, Tags("x"));
        Assert.That(h.SendStaking(Operator, "unstake", UInt256.Zero, (byte)StakingRole.EnrollmentOperator, OperatorStake).Succeeded, Is.True);
        h.SendFails(Operator, "enroll", UInt256.Zero, "is not an active EnrollmentOperator", (UInt256)6, Words(Tags("y")));
    }

    [Test]
    public void Empty_set_reads_and_out_of_range_lookups()
    {
        using HumanHarness h = new();
        Assert.Multiple(() =>
        {
            Assert.That(h.Chain.Head.HumanSetRoot, Is.EqualTo(Hash256.Zero));
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(UInt256.Zero));
            Assert.That(h.Human.GetRootHistory(h.Head, h.HeadNumber), Is.Empty);
            Assert.That(h.Human.IsKnownRoot(h.Head, UInt256.Zero, h.HeadNumber), Is.False);
            Assert.That(h.Human.GetMerkleProof(h.Head, 5), Is.Null);
            Assert.That(h.Human.FindByCommitment(h.Head, 5), Is.Null);
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Human.GetHuman(h.Head, 0));
            Assert.That(h.RevertReasonOf(Operator.Address, "getHuman", UInt256.Zero, (UInt256)5), Is.EqualTo("human #5 does not exist (the set has 0 members)"));
            Assert.That(h.View("pendingRecovery", UInt256.MaxValue), Is.EqualTo(new object[] { UInt256.Zero, UInt256.Zero, Address.Zero }));
            Assert.That((UInt256)h.View("verificationFee")[0], Is.EqualTo(h.Parameters.VerificationFee));
        });
    }

    [Test]
    public void Malformed_calldata_reverts()
    {
        using HumanHarness h = new();
        byte[] call = h.Contract.Abi.GetFunction("enroll").EncodeCall((UInt256)7, Words(Tags("m")));
        Assert.Multiple(() =>
        {
            Assert.That(Call(h, call[..3]), Does.Contain("calldata too short"));
            Assert.That(Call(h, call[..40]), Does.StartWith("invalid arguments for enroll(uint256,bytes32[])"));
            Assert.That(Call(h, [0xde, 0xad, 0xbe, 0xef]), Does.Contain("unknown function selector"));
        });
    }

    [Test]
    public void Field_modulus_minus_one_is_a_valid_commitment()
    {
        using HumanHarness h = new();
        Assert.That(h.Enroll(FieldModulus - 1, Tags("max")), Is.EqualTo(0UL));
    }

    private static string Call(HumanHarness h, byte[] data)
    {
        Chain.State.WorldState state = h.Chain.CreateWorldStateAt(h.Chain.Head);
        Chain.Execution.SystemCallResult result = h.Contract.Call(new Chain.Execution.SystemCallContext(
            state, Operator.Address, UInt256.Zero, data, CallGas, h.Chain.CreateSimulationContext(h.Chain.Head, Tests.Blocks.ChainTestKit.Proposer)));
        Assert.That(result.Success, Is.False);
        return Reason(result);
    }
}
