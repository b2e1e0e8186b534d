using TrustChain.Chain.Execution;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Zk.Semaphore;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// Per-tag owner lists: an LSH band value is shared by many humans, so every owner of a tag must count towards the
/// duplicate check, up to maxOwnersPerTag owners per tag.
/// </summary>
[TestFixture]
public sealed class HumanDedupTagOwnerTests
{
    private const int Cap = 2;
    private static readonly SemaphoreIdentity Alice = new("trustchain-dedup-alice");
    private static readonly Hash256 Shared = Tags("shared-band-value", 1)[0];

    /// <summary>Human i's palm: the shared tag plus MaxTags − 1 of its own.</summary>
    private static Hash256[] Palm(int i) => [Shared, .. Tags($"own/{i}", MaxTags - 1)];

    /// <summary>A re-scan of human i that keeps the shared tag and <paramref name="own"/> of its own tags.</summary>
    private static Hash256[] Rescan(int i, int own) => [Shared, .. Palm(i).Skip(1).Take(own), .. Tags($"noise/{i}/{own}", MaxTags - 1 - own)];

    [Test]
    public void Every_owner_of_a_shared_tag_counts_so_a_later_human_is_still_caught()
    {
        using HumanHarness h = new();
        for (int i = 0; i < 4; i++)
        {
            Assert.That(h.Enroll((UInt256)(100 + i), Palm(i)), Is.EqualTo((ulong)i));
        }

        // Human #3 shares the first tag with three earlier humans; with one owner per tag it would match only 2 here.
        Hash256[] rescan = Rescan(3, DedupMatch - 1);
        Assert.That(h.Human.FindDuplicate(h.Head, rescan, h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(3, DedupMatch)));
        h.SendFails(Operator, "enroll", UInt256.Zero, $"duplicate human: {DedupMatch} of {rescan.Length} dedup tags match human #3", (UInt256)200, Words(rescan));

        // Sharing only the common tag (and fewer own tags than needed) is a different person.
        Hash256[] other = Rescan(2, DedupMatch - 2);
        Assert.That(h.Human.FindDuplicate(h.Head, other, h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(2, DedupMatch - 1)));
        Assert.That(h.Enroll(201, other), Is.EqualTo(4UL));
    }

    [TestCase(false, TestName = "Ties_go_to_the_lowest_index")]
    [TestCase(true, TestName = "Ties_go_to_the_lowest_index_whatever_the_tag_order")]
    public void Ties_go_to_the_lowest_index(bool reversed)
    {
        using HumanHarness h = new();
        h.Enroll(10, Tags("unrelated"));
        h.Enroll(11, Tags("a"));
        h.Enroll(12, Tags("b"));
        Hash256[] both = [.. Tags("b").Take(DedupMatch), .. Tags("a").Take(DedupMatch)];
        if (reversed)
        {
            Array.Reverse(both);
        }

        Assert.That(h.Human.FindDuplicate(h.Head, both, h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(1, DedupMatch)));
        Assert.That(h.View("findDuplicate", (object)Words(both)), Is.EqualTo(new object[] { true, UInt256.One, (UInt256)DedupMatch }));
    }

    [Test]
    public void A_full_owner_list_leaves_the_tag_unrecorded_but_the_enrolment_stands()
    {
        using HumanHarness h = new(editSpec: json => json["params"]!["maxOwnersPerTag"] = Cap);
        for (int i = 0; i <= Cap; i++)
        {
            Assert.That(h.Enroll((UInt256)(100 + i), Palm(i)), Is.EqualTo((ulong)i), "a full list never blocks an enrolment");
        }

        // The shared tag's list holds #0 and #1 only: a re-scan of #2 relying on it falls one short; #1's does not.
        Assert.Multiple(() =>
        {
            Assert.That(h.Human.FindDuplicate(h.Head, Rescan(Cap, DedupMatch - 1), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(Cap, DedupMatch - 1)));
            Assert.That(h.Human.FindDuplicate(h.Head, Rescan(Cap - 1, DedupMatch - 1), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(Cap - 1, DedupMatch)));
        });
    }

    [Test]
    public void Deleting_a_human_frees_its_slot_after_the_cool_off()
    {
        using HumanHarness h = new(editSpec: json => json["params"]!["maxOwnersPerTag"] = Cap);
        h.Enroll(Commitment(Alice), Palm(0));
        h.Enroll(101, Palm(1));
        TxReceipt deleted = h.SendOk(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Alice), PublicKey(Alice), h.SignDelete(Alice));
        h.ProduceUntil(deleted.BlockNumber + Cooloff);

        // #0's slot in the shared tag's list is reclaimed, so #2 fits although the cap is 2.
        Assert.That(h.Enroll(102, Palm(2)), Is.EqualTo(2UL));
        Assert.Multiple(() =>
        {
            Assert.That(h.Human.FindDuplicate(h.Head, Rescan(2, DedupMatch - 1), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(2, DedupMatch)));
            Assert.That(h.Human.FindDuplicate(h.Head, Rescan(1, DedupMatch - 1), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(1, DedupMatch)));
            Assert.That(h.Human.FindDuplicate(h.Head, Palm(0), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch(1, 1)), "#0 no longer owns anything");
        });
    }

    /// <summary>The head slot packs owner 0; removing the first, a middle or the last owner must keep every other one.</summary>
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void A_freed_owner_anywhere_in_the_list_is_reclaimed_and_the_others_still_count(int deletedPosition)
    {
        const int cap = 3;
        using HumanHarness h = new(editSpec: json => json["params"]!["maxOwnersPerTag"] = cap);
        for (int i = 0; i < cap; i++)
        {
            h.Enroll(i == deletedPosition ? Commitment(Alice) : (UInt256)(100 + i), Palm(i));
        }

        TxReceipt deleted = h.SendOk(Outsider, "deleteIdentity", UInt256.Zero, Commitment(Alice), PublicKey(Alice), h.SignDelete(Alice));
        h.ProduceUntil(deleted.BlockNumber + Cooloff);

        // The list was full; #3 is only counted on the shared tag if the freed slot was reclaimed.
        Assert.That(h.Enroll(103, Palm(cap)), Is.EqualTo((ulong)cap));
        int firstLive = deletedPosition == 0 ? 1 : 0;
        Assert.Multiple(() =>
        {
            for (int i = 0; i <= cap; i++)
            {
                if (i != deletedPosition)
                {
                    Assert.That(h.Human.FindDuplicate(h.Head, Rescan(i, DedupMatch - 1), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch((ulong)i, DedupMatch)), $"human #{i}");
                }
            }

            Assert.That(h.Human.FindDuplicate(h.Head, Palm(deletedPosition), h.HeadNumber + 1), Is.EqualTo(new DuplicateMatch((ulong)firstLive, 1)),
                "the deleted human owns nothing; only the shared tag matches, lowest live owner first");
        });
    }

    [Test]
    public void Gas_grows_by_the_owner_reads()
    {
        using HumanHarness h = new();
        Hash256[] probe = Palm(99);
        ulong before = h.Simulate(Address.Zero, "findDuplicate", UInt256.Zero, (object)Words(probe)).GasUsed;
        for (int i = 0; i < 3; i++)
        {
            h.Enroll((UInt256)(100 + i), Palm(i));
        }

        SystemCallResult after = h.Simulate(Address.Zero, "findDuplicate", UInt256.Zero, (object)Words(probe));
        Assert.That(after.GasUsed - before, Is.EqualTo(3 * HumanRegistryGas.PerTagOwner), "three owners of the shared tag read");
    }
}
