using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.State;

[TestFixture]
public class SparseMerkleTreeTests
{
    [Test]
    public void EmptyState_HasZeroRoot()
    {
        using TempStateDb db = new();
        Assert.That(StateDatabase.EmptyRoot, Is.EqualTo(Hash256.Zero));
        Assert.That(db.State.LatestRoot, Is.EqualTo(StateDatabase.EmptyRoot));
        Assert.That(db.State.OpenLatest().ComputeRoot(), Is.EqualTo(StateDatabase.EmptyRoot));
    }

    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(300, 1)]
    [TestCase(300, 7)]
    [TestCase(2000, 3)]
    public void SameEntries_InAnyOrderAndBatching_GiveReferenceRoot(int entries, int blocks)
    {
        Random random = new(entries * 31 + blocks);
        List<(Hash256 Key, byte[] Value)> items = [];
        ReferenceSparseMerkleTree reference = new();
        for (int i = 0; i < entries; i++)
        {
            Hash256 key = StateTestData.RandomKey(random);
            byte[] value = StateTestData.RandomValue(random);
            items.Add((key, value));
            reference.Set(key, value);
        }

        using TempStateDb single = new();
        WorldState all = single.State.OpenLatest();
        foreach ((Hash256 key, byte[] value) in items)
        {
            all.SetStorage(key, value);
        }

        Hash256 preview = all.ComputeRoot();
        Hash256 singleRoot = single.Commit(all, 1);

        using TempStateDb batched = new();
        WorldState world = batched.State.OpenLatest();
        (Hash256 Key, byte[] Value)[] shuffled = [.. items];
        random.Shuffle(shuffled);
        ulong block = 1;
        for (int i = 0; i < shuffled.Length; i++)
        {
            world.SetStorage(shuffled[i].Key, shuffled[i].Value);
            if ((i + 1) % Math.Max(1, shuffled.Length / blocks) == 0)
            {
                batched.Commit(world, block++);
            }
        }

        Hash256 batchedRoot = batched.Commit(world, block);

        Assert.That(singleRoot, Is.EqualTo(reference.Root()));
        Assert.That(preview, Is.EqualTo(singleRoot));
        Assert.That(batchedRoot, Is.EqualTo(singleRoot));
    }

    [Test]
    public void DeletingEverything_ReturnsToEmptyRoot_AndLeavesNoNodes()
    {
        using TempStateDb db = new();
        Random random = new(5);
        List<Hash256> keys = [];
        WorldState world = db.State.OpenLatest();
        for (int i = 0; i < 500; i++)
        {
            Hash256 key = StateTestData.RandomKey(random);
            keys.Add(key);
            world.SetStorage(key, StateTestData.RandomValue(random));
        }

        Assert.That(db.Commit(world, 1), Is.Not.EqualTo(StateDatabase.EmptyRoot));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys));
        for (int i = 0; i < keys.Count; i++)
        {
            world.SetStorage(keys[i], ReadOnlySpan<byte>.Empty);
            if (i == 250)
            {
                db.Commit(world, 2);
            }
        }

        Assert.That(db.Commit(world, 3), Is.EqualTo(StateDatabase.EmptyRoot));
        db.Prune(3);
        Assert.That(db.CountKeys("statenodes", (byte)'n'), Is.Zero, "every node is stale once the tree is empty");
    }

    [Test]
    public void RandomOperations_MatchReferenceAfterEveryBlock()
    {
        using TempStateDb db = new(new StateDatabaseOptions { ParallelThreshold = 64, NodeCacheCapacity = 300 });
        ReferenceSparseMerkleTree reference = new();
        Random random = new(20240601);
        List<Hash256> known = [];
        WorldState world = db.State.OpenLatest();
        for (ulong block = 1; block <= 25; block++)
        {
            int operations = random.Next(1, 400);
            for (int i = 0; i < operations; i++)
            {
                int action = random.Next(10);
                Hash256 key = action < 5 || known.Count == 0 ? StateTestData.RandomKey(random) : known[random.Next(known.Count)];
                byte[]? value = action >= 8 ? null : StateTestData.RandomValue(random);
                if (value is not null && action < 5)
                {
                    known.Add(key);
                }

                world.SetStorage(key, value ?? []);
                reference.Set(key, value);
            }

            Hash256 preview = world.ComputeRoot();
            Hash256 root = db.Commit(world, block);
            Assert.That(root, Is.EqualTo(reference.Root()), $"block {block}");
            Assert.That(preview, Is.EqualTo(root));
        }

        db.Reopen();
        WorldState reopened = db.State.OpenLatest();
        IStateReader historic = db.State.GetReader(db.State.LatestRoot);
        Assert.That(db.State.LatestRoot, Is.EqualTo(reference.Root()));
        foreach (Hash256 key in known)
        {
            Assert.That(reopened.GetStorage(key), Is.EqualTo(reference.Get(key)));
        }

        Assert.That(historic.StateRoot, Is.EqualTo(reference.Root()));
    }

    [Test]
    public void RewritingSameValues_ChangesNothing()
    {
        using TempStateDb db = new();
        Random random = new(9);
        WorldState world = db.State.OpenLatest();
        List<(Hash256, byte[])> items = [];
        for (int i = 0; i < 100; i++)
        {
            items.Add((StateTestData.RandomKey(random), StateTestData.RandomValue(random)));
            world.SetStorage(items[^1].Item1, items[^1].Item2);
        }

        Hash256 root = db.Commit(world, 1);
        int nodes = db.CountKeys("statenodes", (byte)'n');
        foreach ((Hash256 key, byte[] value) in items)
        {
            world.SetStorage(key, value);
        }

        world.SetStorage(StateTestData.RandomKey(random), []);
        Assert.That(db.Commit(world, 2), Is.EqualTo(root));
        Assert.That(db.CountKeys("statenodes", (byte)'n'), Is.EqualTo(nodes));
        Assert.That(db.CountKeys("statenodes", (byte)'s'), Is.Zero);
    }
}
