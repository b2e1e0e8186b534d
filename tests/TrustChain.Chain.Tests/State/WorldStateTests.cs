using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.Tests.State;

[TestFixture]
public class WorldStateTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address Bob = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Address Registry = Address.Parse("0x0000000000000000000000000000000000001001");

    [Test]
    public void StateKeys_AreDomainSeparatedKeccak()
    {
        byte[] slot = [0xAB, 0xCD];
        Assert.That(StateKeys.Account(Alice), Is.EqualTo(Keccak256.Compute([0x00, .. Alice.Bytes])));
        Assert.That(StateKeys.Storage(Registry, slot), Is.EqualTo(Keccak256.Compute([0x01, .. Registry.Bytes, .. slot])));
        Assert.That(StateKeys.Storage(Alice, []), Is.Not.EqualTo(StateKeys.Account(Alice)));
    }

    [Test]
    public void AccountValue_IsRlpNonceBalance()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.SetAccount(Alice, new Account(5, 1_000_000));
        Hash256 root = db.Commit(world, 1);

        StateProof proof = db.State.GetProof(root, StateKeys.Account(Alice).Bytes);
        Assert.That(proof.Value, Is.EqualTo(Rlp.EncodeList(Rlp.Encode(5UL), Rlp.Encode(new UInt256(1_000_000)))));
        Assert.That(db.State.GetReader(root).GetAccount(Alice), Is.EqualTo(new Account(5, 1_000_000)));
    }

    [Test]
    public void TouchedButEmptyAccounts_DoNotChangeTheRoot()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.SetAccount(Alice, new Account(1, 50));
        Hash256 root = db.Commit(world, 1);

        world.AddBalance(Bob, UInt256.Zero);
        world.SetAccount(Registry, Account.Empty);
        Assert.That(world.ComputeRoot(), Is.EqualTo(root));

        world.SubtractBalance(Alice, 50);
        world.SetAccount(Alice, Account.Empty);
        Assert.That(db.Commit(world, 2), Is.EqualTo(StateDatabase.EmptyRoot));
        Assert.That(db.State.OpenLatest().GetAccount(Alice), Is.EqualTo(Account.Empty));
    }

    // The block executor computes the root for the block's version and the commit reuses those nodes; a change in
    // between (or a different version) must not let a stale prepared tree reach the database.
    [TestCase(false, 1UL, Description = "unchanged: the prepared nodes are committed")]
    [TestCase(true, 1UL, Description = "changed after the preview")]
    [TestCase(false, 2UL, Description = "prepared for another version")]
    public void Commit_after_a_versioned_preview_persists_exactly_the_current_changes(bool changeAfterPreview, ulong previewVersion)
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.SetAccount(Alice, new Account(1, 50));
        Hash256 preview = world.ComputeRoot(previewVersion);
        if (changeAfterPreview)
        {
            world.SetAccount(Bob, new Account(0, 7));
        }

        Hash256 expected = world.ComputeRoot();
        Hash256 committed = db.Commit(world, 1);

        Assert.That(committed, Is.EqualTo(expected));
        Assert.That(committed == preview, Is.EqualTo(!changeAfterPreview));
        IStateReader reopened = db.State.GetReader(committed);
        Assert.That(reopened.GetAccount(Alice), Is.EqualTo(new Account(1, 50)));
        Assert.That(reopened.GetAccount(Bob), Is.EqualTo(changeAfterPreview ? new Account(0, 7) : Account.Empty));
        Assert.That(db.State.GetProof(committed, StateKeys.Account(Alice).Bytes).Value, Is.Not.Null, "nodes of the committed root are stored");
    }

    [Test]
    public void BalanceAndNonceHelpers()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 100);
        world.SubtractBalance(Alice, 30);
        world.IncrementNonce(Alice);
        world.IncrementNonce(Alice);
        Assert.That(world.GetBalance(Alice), Is.EqualTo(new UInt256(70)));
        Assert.That(world.GetNonce(Alice), Is.EqualTo(2));

        Assert.That(() => world.SubtractBalance(Alice, 71), Throws.TypeOf<InsufficientBalanceException>().With.Message.Contains("70"));
        Assert.That(world.GetBalance(Alice), Is.EqualTo(new UInt256(70)), "a failed subtraction changes nothing");

        world.SetAccount(Bob, new Account(0, UInt256.MaxValue));
        Assert.That(() => world.AddBalance(Bob, 1), Throws.TypeOf<OverflowException>());
        Assert.That(world.GetBalance(Bob), Is.EqualTo(UInt256.MaxValue));
    }

    [Test]
    public void Restore_UndoesEverythingSinceSnapshot()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.SetAccount(Alice, new Account(1, 1000));
        world.SetStorage(Registry, [1], [0xAA]);
        db.Commit(world, 1);

        world.AddBalance(Bob, 5);
        Hash256 before = world.ComputeRoot();
        int snapshot = world.TakeSnapshot();
        world.SubtractBalance(Alice, 400);
        world.AddBalance(Bob, 400);
        world.IncrementNonce(Alice);
        world.SetStorage(Registry, [1], []);
        world.SetStorage(Registry, [2], [0xBB]);
        Assert.That(world.ComputeRoot(), Is.Not.EqualTo(before));

        world.Restore(snapshot);
        Assert.That(world.GetAccount(Alice), Is.EqualTo(new Account(1, 1000)));
        Assert.That(world.GetBalance(Bob), Is.EqualTo(new UInt256(5)));
        Assert.That(world.GetStorage(Registry, [1]), Is.EqualTo(new byte[] { 0xAA }));
        Assert.That(world.GetStorage(Registry, [2]), Is.Null);
        Assert.That(world.ComputeRoot(), Is.EqualTo(before));
    }

    [Test]
    public void NestedSnapshots_RestoreIndependently()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 10);
        int outer = world.TakeSnapshot();
        world.AddBalance(Alice, 20);
        int inner = world.TakeSnapshot();
        world.AddBalance(Alice, 40);
        world.SetStorage(Registry, [7], [7]);

        world.Restore(inner);
        Assert.That(world.GetBalance(Alice), Is.EqualTo(new UInt256(30)));
        Assert.That(world.GetStorage(Registry, [7]), Is.Null);

        world.AddBalance(Alice, 1);
        world.Restore(outer);
        Assert.That(world.GetBalance(Alice), Is.EqualTo(new UInt256(10)));
        Assert.That(() => world.Restore(inner), Throws.TypeOf<ArgumentOutOfRangeException>(), "inner snapshot is gone");
    }

    [Test]
    public void Commit_OnNonLatestBase_IsRejected()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 1);
        Hash256 first = db.Commit(world, 1);
        world.AddBalance(Alice, 1);
        db.Commit(world, 2);

        WorldState old = db.State.OpenWorldState(first);
        Assert.That(old.GetBalance(Alice), Is.EqualTo(new UInt256(1)), "historic reads go through the tree");
        old.AddBalance(Bob, 1);
        using var batch = db.Db.CreateWriteBatch();
        Assert.That(() => old.Commit(batch, 3), Throws.InvalidOperationException.With.Message.Contains("latest"));
        WorldState latest = db.State.OpenLatest();
        latest.AddBalance(Bob, 1);
        Assert.That(() => latest.Commit(batch, 2), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(batch.Count, Is.Zero, "rejected commits stage nothing");
    }
}
