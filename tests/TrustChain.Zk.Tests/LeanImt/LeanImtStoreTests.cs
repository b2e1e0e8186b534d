using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Zk.Tests.LeanImt;

public class LeanImtStoreTests
{
    [Test]
    public void SingleChanges_TouchOnlyOneNodePerLevel()
    {
        CountingNodeStore store = new();
        LeanImtTree tree = new(store);
        tree.InsertMany(Enumerable.Range(1, 1000).Select(i => Fr.FromUInt64((ulong)i)).ToArray());
        int depth = tree.Depth;
        Assert.That(depth, Is.EqualTo(10));

        store.ResetCounters();
        tree.Insert(Fr.FromUInt64(5000));
        Assert.That(store.Writes, Is.LessThanOrEqualTo(depth + 1));
        Assert.That(store.Reads, Is.LessThanOrEqualTo(depth + 1));

        store.ResetCounters();
        tree.Update(321, Fr.FromUInt64(6000));
        Assert.That(store.Writes, Is.LessThanOrEqualTo(depth + 1));
        Assert.That(store.Reads, Is.LessThanOrEqualTo(depth + 2));

        store.ResetCounters();
        tree.Remove(17);
        Assert.That(store.Writes, Is.LessThanOrEqualTo(depth + 1));

        store.ResetCounters();
        LeanImtProof proof = tree.GenerateProof(999);
        Assert.That(store.Reads, Is.LessThanOrEqualTo(2 * depth + 2));
        Assert.That(store.Writes, Is.Zero);
        Assert.That(LeanImtTree.VerifyProof(proof), Is.True);
    }

    [Test]
    public void InsertMany_IntoExistingTree_ReadsAtMostOneStoredNodePerLevel()
    {
        CountingNodeStore store = new();
        LeanImtTree tree = new(store);
        tree.InsertMany(Enumerable.Range(1, 777).Select(i => Fr.FromUInt64((ulong)i)).ToArray());
        store.ResetCounters();
        tree.InsertMany(Enumerable.Range(1000, 300).Select(i => Fr.FromUInt64((ulong)i)).ToArray());
        Assert.That(store.Reads, Is.LessThanOrEqualTo(tree.Depth + 1));

        LeanImtTree reference = new();
        foreach (int i in Enumerable.Range(1, 777).Concat(Enumerable.Range(1000, 300)))
        {
            reference.Insert(Fr.FromUInt64((ulong)i));
        }

        Assert.That(tree.Root, Is.EqualTo(reference.Root));
    }

    [Test]
    public void Tree_ReopenedOverTheSameStore_ContinuesWhereItLeftOff()
    {
        InMemoryLeanImtNodeStore store = new();
        LeanImtTree first = new(store);
        first.InsertMany([Fr.FromUInt64(1), Fr.FromUInt64(2), Fr.FromUInt64(3)]);
        LeanImtTree reopened = new(store);
        reopened.Insert(Fr.FromUInt64(4));
        Assert.That(reopened.Size, Is.EqualTo(4UL));
        Assert.That(reopened.IndexOf(Fr.FromUInt64(2)), Is.EqualTo(1));
        Assert.That(reopened.Root, Is.EqualTo(Zk.Poseidon.Poseidon.Hash2(
            Zk.Poseidon.Poseidon.Hash2(Fr.FromUInt64(1), Fr.FromUInt64(2)),
            Zk.Poseidon.Poseidon.Hash2(Fr.FromUInt64(3), Fr.FromUInt64(4)))));
    }
}
