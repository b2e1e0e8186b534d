using TrustChain.Chain.Blocks;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// A block's enrolments get their indices at once and join the LeanIMT together at the block's end (or when a delete
/// or an executed recovery in the block needs the tree): the roots must equal one-by-one inserts into the reference
/// tree, the root changes once per block, and nothing of the queue is left in state.
/// </summary>
[TestFixture]
public sealed class HumanBatchedTreeTests
{
    private static readonly SemaphoreIdentity Alice = new("trustchain-batched-alice");
    private static readonly SemaphoreIdentity Bob = new("trustchain-batched-bob");

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(9)]
    public void A_block_of_enrolments_gives_the_root_of_one_by_one_inserts_and_one_root_change(int perBlock)
    {
        using HumanHarness h = new();
        LeanImtTree reference = new();
        h.Enroll(11, Tags("first"));
        reference.Insert(Fr.FromUInt64(11));
        UInt256 before = h.Human.GetRoot(h.Head);
        int historyBefore = h.Human.GetRootHistory(h.Head, h.HeadNumber + 1).Count;

        Transaction[] txs = new Transaction[perBlock];
        for (int i = 0; i < perBlock; i++)
        {
            ulong commitment = 100 + (ulong)i;
            txs[i] = h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)commitment, Words(Tags($"batch-{i}")));
            reference.Insert(Fr.FromUInt64(commitment));
        }

        ExecutedBlock block = h.Produce(txs);
        ulong[] indices = block.Receipts.Select(r => (ulong)(UInt256)HumanRegistryEvents.HumanEnrolled.Decode(r.Logs.Single())[0]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(block.Receipts.All(r => r.Succeeded), Is.True);
            Assert.That(indices, Is.EqualTo(Enumerable.Range(1, perBlock).Select(i => (ulong)i).ToArray()), "indices are assigned at enrol time, in order");
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
            Assert.That(block.Block.Header.HumanSetRoot, Is.EqualTo(new Hash256(reference.Root.ToBytesBigEndian())));
            Assert.That(h.Human.GetSize(h.Head), Is.EqualTo(reference.Size));
            Assert.That(h.Human.GetDepth(h.Head), Is.EqualTo(reference.Depth));
            Assert.That(h.Human.GetRootHistory(h.Head, h.HeadNumber + 1), Has.Count.EqualTo(historyBefore + 1),
                "the block's enrolments change the root once: no intermediate roots in the history");
            Assert.That(h.Human.IsKnownRoot(h.Head, before, h.HeadNumber + 1), Is.True, "the root before the block stays in the window");
            Assert.That(h.Human.GetMerkleProof(h.Head, (UInt256)(99UL + (ulong)perBlock))!.Root, Is.EqualTo(reference.Root));
            Assert.That(PendingCount(h), Is.Zero, "the queue is empty between blocks");
        });
    }

    [Test]
    public void The_same_commitment_twice_in_one_block_reverts_the_second_enrolment()
    {
        using HumanHarness h = new();
        ExecutedBlock block = h.Produce(
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)5UL, Words(Tags("twice-a"))),
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)5UL, Words(Tags("twice-b"))));
        LeanImtTree reference = new();
        reference.Insert(Fr.FromUInt64(5));
        Assert.Multiple(() =>
        {
            Assert.That(block.Receipts.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false }));
            Assert.That(h.Human.GetSize(h.Head), Is.EqualTo(1UL));
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
        });
    }

    [Test]
    public void A_duplicate_palm_in_the_same_block_is_rejected_against_the_queued_human()
    {
        using HumanHarness h = new();
        ExecutedBlock block = h.Produce(
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)7UL, Words(Tags("palm"))),
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)8UL, Words(Tags("palm"))),
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)9UL, Words(Tags("other-palm"))));
        Assert.Multiple(() =>
        {
            Assert.That(block.Receipts.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false, true }));
            Assert.That(h.Human.GetHuman(h.Head, 1).Commitment, Is.EqualTo((UInt256)9UL), "the reverted enrolment did not take an index");
            Assert.That(h.Human.FindDuplicate(h.Head, Tags("palm"), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(0, MaxTags)));
        });
    }

    [Test]
    public void An_identity_enrolled_and_deleted_in_one_block_leaves_a_zero_leaf_and_the_others_provable()
    {
        using HumanHarness h = new();
        ExecutedBlock block = h.Produce(
            h.Tx(Operator, "enroll", UInt256.Zero, Commitment(Alice), Words(Tags("alice"))),
            h.Tx(Operator, "enroll", UInt256.Zero, Commitment(Bob), Words(Tags("bob"))),
            h.Tx(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Alice), PublicKey(Alice), h.SignDelete(Alice)),
            h.Tx(Operator, "enroll", UInt256.Zero, (UInt256)33UL, Words(Tags("carol"))));
        LeanImtTree reference = new();
        reference.Insert(Alice.Commitment);
        reference.Insert(Bob.Commitment);
        reference.Remove(0);
        reference.Insert(Fr.FromUInt64(33));
        Assert.Multiple(() =>
        {
            Assert.That(block.Receipts.All(r => r.Succeeded), Is.True);
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
            Assert.That(h.Human.GetHuman(h.Head, 0).DeletedBlock, Is.EqualTo(block.Block.Number));
            Assert.That(h.Human.GetMerkleProof(h.Head, Commitment(Alice)), Is.Null);
            LeanImtProof bob = h.Human.GetMerkleProof(h.Head, Commitment(Bob))!;
            Assert.That(bob.Root, Is.EqualTo(reference.Root));
            Assert.That(LeanImtTree.VerifyProof(bob), Is.True);
            Assert.That(h.Human.FindByCommitment(h.Head, 33), Is.EqualTo(2UL));
            Assert.That(LeanImtTree.VerifyProof(h.Human.GetMerkleProof(h.Head, 33)!), Is.True);
            Assert.That(PendingCount(h), Is.Zero);
        });
    }

    [Test]
    public void A_block_of_enrolments_and_a_deletion_built_on_one_chain_validates_on_another_with_the_same_roots()
    {
        using HumanHarness builder = new();
        using HumanHarness validator = new();
        foreach (HumanHarness h in new[] { builder, validator })
        {
            h.Enroll(Commitment(Bob), Tags("bob"));
        }

        Assert.That(validator.Chain.Head.Hash, Is.EqualTo(builder.Chain.Head.Hash), "both chains start from the same head");
        ExecutedBlock built = builder.Produce(
            builder.Tx(Operator, "enroll", UInt256.Zero, (UInt256)41UL, Words(Tags("x"))),
            builder.Tx(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Bob), PublicKey(Bob), builder.SignDelete(Bob)),
            builder.Tx(Operator, "enroll", UInt256.Zero, (UInt256)42UL, Words(Tags("y"))));

        // The validator re-executes the received block through the block processor, which rejects any root mismatch.
        ExecutedBlock replayed = validator.Chain.ProcessBlock(built.Block);
        Assert.Multiple(() =>
        {
            Assert.That(built.Receipts.All(r => r.Succeeded), Is.True);
            Assert.That(replayed.Block.Header.StateRoot, Is.EqualTo(built.Block.Header.StateRoot));
            Assert.That(replayed.Block.Header.HumanSetRoot, Is.EqualTo(built.Block.Header.HumanSetRoot));
        });
    }

    private static ulong PendingCount(HumanHarness h) =>
        new ContractStorage(h.Head, HumanRegistryState.ContractAddress).GetUInt64(StorageSlot.Named("human.tree.pending.count"));
}
