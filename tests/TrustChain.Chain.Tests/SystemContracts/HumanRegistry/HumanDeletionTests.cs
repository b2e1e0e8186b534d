using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

[TestFixture]
public sealed class HumanDeletionTests
{
    private static readonly SemaphoreIdentity Alice = new("trustchain-human-alice");
    private static readonly SemaphoreIdentity Bob = new("trustchain-human-bob");

    [Test]
    public void Delete_with_the_identity_signature_zeroes_the_leaf_and_tombstones_the_commitment()
    {
        using HumanHarness h = new();
        h.Enroll(Commitment(Alice), Tags("alice"));
        h.Enroll(Commitment(Bob), Tags("bob"));
        h.Enroll(77, Tags("carol"));
        LeanImtTree reference = new();
        reference.Insert(Alice.Commitment);
        reference.Insert(Bob.Commitment);
        reference.Insert(Fr.FromUInt64(77));

        // Anyone may submit the signed deletion (e.g. a relayer); the signature is what authorises it.
        TxReceipt receipt = h.SendOk(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Bob), PublicKey(Bob), h.SignDelete(Bob));
        reference.Remove(1);
        Assert.Multiple(() =>
        {
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
            Assert.That(h.Chain.Head.HumanSetRoot, Is.EqualTo(new Hash256(reference.Root.ToBytesBigEndian())));
            Assert.That(HumanRegistryEvents.IdentityDeleted.Decode(receipt.Logs.Single()),
                Is.EqualTo(new object[] { UInt256.One, Commitment(Bob), (UInt256)(receipt.BlockNumber + Cooloff) }));
            Assert.That(h.View("getHuman", UInt256.One), Is.EqualTo(new object[] { Commitment(Bob), (UInt256)h.Human.GetHuman(h.Head, 1).EnrolledBlock, true }));
            Assert.That(h.Human.GetHuman(h.Head, 1).DeletedBlock, Is.EqualTo(receipt.BlockNumber));
            Assert.That(h.Human.GetMerkleProof(h.Head, Commitment(Bob)), Is.Null, "a deleted member has no membership proof");
            Assert.That(h.Human.FindByCommitment(h.Head, Commitment(Bob)), Is.EqualTo(1UL));
            Assert.That(h.Human.GetMerkleProof(h.Head, Commitment(Alice))!.Root, Is.EqualTo(reference.Root));
        });

        // The tombstone: the commitment never comes back, even with fresh tags and after the cool-off.
        h.ProduceUntil(h.HeadNumber + Cooloff + 1);
        h.SendFails(Operator, "enroll", UInt256.Zero, "is tombstoned: human #1 deleted or replaced it", Commitment(Bob), Words(Tags("bob-again")));
        h.SendFails(Outsider, "deleteIdentity", UInt256.Zero, "was already deleted or replaced", Commitment(Bob), PublicKey(Bob), h.SignDelete(Bob));
    }

    [Test]
    public void Tags_of_a_deleted_human_stay_taken_during_the_cool_off_and_come_free_after_it()
    {
        using HumanHarness h = new();
        Hash256[] palm = Tags("palm");
        h.Enroll(Commitment(Alice), palm);
        TxReceipt deleted = h.SendOk(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Alice), PublicKey(Alice), h.SignDelete(Alice));
        ulong free = deleted.BlockNumber + Cooloff;

        // The next block is still inside the cool-off: re-enrolling the same palm under a new identity is refused.
        h.SendFails(Operator, "enroll", UInt256.Zero, $"match human #0 (deleted at block {deleted.BlockNumber}; its tags stay taken until block {free})",
            Commitment(Bob), Words(palm));

        h.ProduceUntil(free - 2);
        Assert.That(h.Human.FindDuplicate(h.Head, palm, free - 1), Is.Not.Null);
        Assert.That(h.Human.FindDuplicate(h.Head, palm, free), Is.Null);
        h.ProduceUntil(free - 1);
        Assert.That(h.Enroll(Commitment(Bob), palm), Is.EqualTo(1UL), "enrolled in block free");

        // The tags now belong to the new human.
        Assert.That(h.Human.FindDuplicate(h.Head, palm, h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(1, MaxTags)));
    }
}
