using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>The LeanIMT kept in contract storage gives the same roots and proofs as the in-memory reference tree.</summary>
[TestFixture]
public sealed class StorageLeanImtTests
{
    [TestCase(1, 120)]
    [TestCase(7, 160)]
    [TestCase(42, 80)]
    public void Random_inserts_updates_and_removals_match_the_reference_tree(int seed, int operations)
    {
        using TempChain chain = new();
        WorldState state = chain.Chain.CreateWorldStateAt(chain.Chain.Head);
        ContractStorage storage = new(state, SystemContractAddresses.HumanRegistry, readOnly: false);
        LeanImtTree stored = new(new StorageLeanImtNodeStore(storage));
        LeanImtTree reference = new();
        Random random = new(seed);
        List<ulong> live = [];

        for (int op = 0; op < operations; op++)
        {
            int kind = live.Count < 3 ? 0 : random.Next(10);
            if (kind < 6)
            {
                Fr leaf = Fr.FromRandom(random);
                stored.Insert(leaf);
                reference.Insert(leaf);
                live.Add(reference.Size - 1);
            }
            else if (kind < 8)
            {
                int pick = random.Next(live.Count);
                Fr leaf = Fr.FromRandom(random);
                stored.Update(live[pick], leaf);
                reference.Update(live[pick], leaf);
            }
            else
            {
                int pick = random.Next(live.Count);
                stored.Remove(live[pick]);
                reference.Remove(live[pick]);
                live.RemoveAt(pick);
            }

            Assert.That(stored.Root, Is.EqualTo(reference.Root), $"root differs after operation {op}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(stored.Size, Is.EqualTo(reference.Size));
            Assert.That(stored.Depth, Is.EqualTo(reference.Depth));
        });
        for (ulong i = 0; i < reference.Size; i += 7)
        {
            LeanImtProof a = stored.GenerateProof(i);
            LeanImtProof b = reference.GenerateProof(i);
            Assert.That((a.Root, a.Leaf, a.Index, a.Siblings.ToArray()), Is.EqualTo((b.Root, b.Leaf, b.Index, b.Siblings.ToArray())));
            Assert.That(LeanImtTree.VerifyProof(a), Is.True);
        }
    }

    [Test]
    public void Removed_leaf_reads_as_zero_and_positions_past_the_end_are_missing()
    {
        using TempChain chain = new();
        WorldState state = chain.Chain.CreateWorldStateAt(chain.Chain.Head);
        StorageLeanImtNodeStore store = new(new ContractStorage(state, SystemContractAddresses.HumanRegistry, readOnly: false));
        LeanImtTree tree = new(store);
        tree.Insert(Fr.FromUInt64(5));
        tree.Insert(Fr.FromUInt64(6));
        tree.Insert(Fr.FromUInt64(7));
        tree.Remove(1);
        Assert.Multiple(() =>
        {
            Assert.That(store.GetNode(0, 1), Is.EqualTo(Fr.Zero));
            Assert.That(store.GetNode(0, 3), Is.Null);
            Assert.That(store.GetNode(1, 2), Is.Null);
            Assert.That(tree.IndexOf(Fr.FromUInt64(6)), Is.EqualTo(-1));
            Assert.That(tree.IndexOf(Fr.FromUInt64(7)), Is.EqualTo(2));
        });
    }
}
