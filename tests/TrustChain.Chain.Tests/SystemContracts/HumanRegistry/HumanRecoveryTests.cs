using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Semaphore;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

[TestFixture]
public sealed class HumanRecoveryTests
{
    private static readonly SemaphoreIdentity Old = new("trustchain-recovery-old");
    private static readonly SemaphoreIdentity New = new("trustchain-recovery-new");
    private static readonly SemaphoreIdentity Stranger = new("trustchain-recovery-stranger");

    [Test]
    public void Recovery_replaces_the_commitment_after_the_delay()
    {
        using HumanHarness h = new();
        Hash256[] palm = Tags("palm");
        h.Enroll(5, Tags("other"));
        h.Enroll(Commitment(Old), palm);

        // A fresh scan gives overlapping but not identical tags.
        Hash256[] rescan = [.. palm.Take(DedupMatch), .. Tags("rescan").Take(2)];
        TxReceipt requested = h.SendOk(Operator, "recover", UInt256.Zero, Commitment(New), Words(rescan));
        ulong execute = requested.BlockNumber + RecoveryDelay;
        Assert.Multiple(() =>
        {
            Assert.That(HumanRegistryEvents.RecoveryRequested.Decode(requested.Logs.Single()),
                Is.EqualTo(new object[] { UInt256.One, Commitment(New), (UInt256)execute, Operator.Address }));
            Assert.That(h.View("pendingRecovery", UInt256.One), Is.EqualTo(new object[] { Commitment(New), (UInt256)execute, Operator.Address }));
        });

        // The new commitment is reserved meanwhile.
        h.SendFails(Operator, "enroll", UInt256.Zero, "reserved by the pending recovery of human #1", Commitment(New), Words(Tags("elsewhere")));
        h.ProduceUntil(execute - 2);
        h.SendFails(Outsider, "executeRecovery", UInt256.Zero, $"executes from block {execute} on", UInt256.One);

        TxReceipt executed = h.SendOk(Outsider, "executeRecovery", UInt256.Zero, UInt256.One);
        LeanImtTree reference = new();
        reference.Insert(Fr.FromUInt64(5));
        reference.Insert(New.Commitment);
        Assert.Multiple(() =>
        {
            Assert.That(executed.BlockNumber, Is.EqualTo(execute));
            Assert.That(HumanRegistryEvents.RecoveryExecuted.Decode(executed.Logs.Single()), Is.EqualTo(new object[] { UInt256.One, Commitment(Old), Commitment(New) }));
            Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(Word(reference.Root)));
            Assert.That(h.Human.GetHuman(h.Head, 1).Commitment, Is.EqualTo(Commitment(New)));
            Assert.That(h.Human.GetMerkleProof(h.Head, Commitment(Old)), Is.Null);
            Assert.That(h.Human.GetPendingRecovery(h.Head, 1), Is.Null);
        });
        h.SendFails(Operator, "enroll", UInt256.Zero, "is tombstoned", Commitment(Old), Words(Tags("old-again")));
        h.SendFails(Outsider, "executeRecovery", UInt256.Zero, "human #1 has no pending recovery", UInt256.One);
    }

    [Test]
    public void The_old_key_cancels_and_no_other_key_can()
    {
        using HumanHarness h = new();
        Hash256[] palm = Tags("palm");
        h.Enroll(Commitment(Old), palm);
        h.SendOk(Operator, "recover", UInt256.Zero, Commitment(New), Words(palm));
        h.SendFails(Operator, "recover", UInt256.Zero, "already has a pending recovery", Commitment(Stranger), Words(palm));

        UInt256[] byNew = Signature(New.Sign(HumanIdentityMessages.CancelRecovery(h.ChainId, Commitment(Old), Commitment(New))));
        h.SendFails(Outsider, "cancelRecovery", UInt256.Zero, "does not hash to commitment", UInt256.Zero, PublicKey(New), byNew);
        UInt256[] wrongMessage = Signature(Old.Sign(HumanIdentityMessages.Delete(h.ChainId, Commitment(Old))));
        h.SendFails(Outsider, "cancelRecovery", UInt256.Zero, "invalid EdDSA-Poseidon signature", UInt256.Zero, PublicKey(Old), wrongMessage);

        UInt256[] byOld = Signature(Old.Sign(HumanIdentityMessages.CancelRecovery(h.ChainId, Commitment(Old), Commitment(New))));
        TxReceipt cancelled = h.SendOk(Outsider, "cancelRecovery", UInt256.Zero, UInt256.Zero, PublicKey(Old), byOld);
        Assert.That(HumanRegistryEvents.RecoveryCancelled.Decode(cancelled.Logs.Single()), Is.EqualTo(new object[] { UInt256.Zero, Commitment(New) }));

        h.ProduceUntil(h.HeadNumber + RecoveryDelay);
        h.SendFails(Outsider, "executeRecovery", UInt256.Zero, "no pending recovery", UInt256.Zero);
        Assert.That(h.Human.GetHuman(h.Head, 0).Commitment, Is.EqualTo(Commitment(Old)));
        // The reservation is released with the cancellation.
        h.Enroll(Commitment(New), Tags("new-person"));
    }

    [Test]
    public void Recovery_needs_a_matching_live_human_and_an_operator()
    {
        using HumanHarness h = new();
        Hash256[] palm = Tags("palm");
        h.Enroll(Commitment(Old), palm);
        h.SendFails(Outsider, "recover", UInt256.Zero, "is not an active EnrollmentOperator", Commitment(New), Words(palm));
        Hash256[] weak = [.. palm.Take(DedupMatch - 1), .. Tags("weak").Take(2)];
        h.SendFails(Operator, "recover", UInt256.Zero, $"no enrolled human matches {DedupMatch} or more of the dedup tags (best: human #0 with {DedupMatch - 1})", Commitment(New), Words(weak));

        h.SendOk(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Old), PublicKey(Old), h.SignDelete(Old));
        h.SendFails(Operator, "recover", UInt256.Zero, "human #0 was deleted", Commitment(New), Words(palm));
    }
}
