using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.State;

/// <summary>
/// Cached internal nodes keep their inner binary hashes and a successor re-hashes only the ranges whose slots changed.
/// Roots must equal a tree that caches nothing (every node hashed from scratch) and the reference tree, block after
/// block, through inserts, overwrites, deletions that collapse ranges to one leaf or empty them, and refills.
/// </summary>
[TestFixture]
public sealed class NodeCacheRangeHashTests
{
    [TestCase(0)]
    [TestCase(4)]
    [TestCase(16)]
    [TestCase(256)]
    public void CachedRangeHashes_GiveSameRootsAsUncachedTree(int maxCachedDepth)
    {
        using TempStateDb cached = new(new StateDatabaseOptions { NodeCacheMaxDepth = maxCachedDepth, ParallelThreshold = 64 });
        using TempStateDb uncached = new(new StateDatabaseOptions { NodeCacheMaxDepth = -1, ParallelThreshold = 64 });
        ReferenceSparseMerkleTree reference = new();
        Random random = new(7_001 + maxCachedDepth);
        List<Hash256> live = [];
        WorldState a = cached.State.OpenLatest();
        WorldState b = uncached.State.OpenLatest();
        for (ulong block = 1; block <= 40; block++)
        {
            // Few changes per block against a dense top: most rewritten nodes differ from their predecessor in one slot.
            int operations = block <= 2 ? 600 : random.Next(1, 24);
            for (int i = 0; i < operations; i++)
            {
                int action = random.Next(10);
                Hash256 key;
                byte[]? value;
                if (action < 5 || live.Count == 0)
                {
                    key = StateTestData.RandomKey(random);
                    value = StateTestData.RandomValue(random);
                    live.Add(key);
                }
                else if (action < 8)
                {
                    key = live[random.Next(live.Count)];
                    value = StateTestData.RandomValue(random);
                }
                else
                {
                    int at = random.Next(live.Count);
                    key = live[at];
                    live.RemoveAt(at);
                    value = null;
                }

                a.SetStorage(key, value ?? []);
                b.SetStorage(key, value ?? []);
                reference.Set(key, value);
            }

            if (block % 10 == 5)
            {
                // Empty a whole top-level slot, then refill part of it next block: ranges collapse and re-form.
                foreach (Hash256 key in live.Where(k => k.Bytes[0] >> 4 == (int)(block % 16)).ToList())
                {
                    live.Remove(key);
                    a.SetStorage(key, []);
                    b.SetStorage(key, []);
                    reference.Set(key, null);
                }
            }

            Hash256 expected = reference.Root();
            Assert.That(cached.Commit(a, block), Is.EqualTo(expected), $"cached tree, block {block}");
            Assert.That(uncached.Commit(b, block), Is.EqualTo(expected), $"uncached tree, block {block}");
        }

        Assert.That(cached.State.CachedNodeCount, Is.Positive);
        Assert.That(uncached.State.CachedNodeCount, Is.Zero);

        // Write sets are pooled from block to block: what the blocks wrote must read back through the tree alone.
        cached.Reopen();
        Hash256 root = reference.Root();
        foreach (Hash256 key in reference.Keys)
        {
            Assert.That(cached.State.GetProof(root, key.Bytes).Value, Is.EqualTo(reference.Get(key)));
        }
    }

    [Test]
    public void NodesDeeperThanTheLimit_AreNotCached()
    {
        using TempStateDb db = new(new StateDatabaseOptions { NodeCacheMaxDepth = 0 });
        Random random = new(99);
        WorldState world = db.State.OpenLatest();
        for (int i = 0; i < 2_000; i++)
        {
            world.SetStorage(StateTestData.RandomKey(random), StateTestData.RandomValue(random));
        }

        db.Commit(world, 1);
        Assert.That(db.State.CachedNodeCount, Is.EqualTo(1), "only the root node (depth 0)");
    }
}
