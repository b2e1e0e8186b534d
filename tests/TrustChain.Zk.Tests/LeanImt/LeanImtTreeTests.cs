using System.Diagnostics;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.LeanImt;
using TrustChain.Zk.Tests.Poseidon;

namespace TrustChain.Zk.Tests.LeanImt;

public class LeanImtTreeTests
{
    private static bool JitOptimized =>
        typeof(LeanImtTree).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    private static IEnumerable<TestCaseData> ProjectRoots()
    {
        using JsonDocument doc = ZkTestFiles.ReadVector("semaphore", "poseidon_and_leanimt.json");
        foreach (JsonElement r in doc.RootElement.GetProperty("leanimt").GetProperty("roots").EnumerateArray())
        {
            int n = r.GetProperty("n").GetInt32();
            TestCaseData data = new TestCaseData(n, r.GetProperty("root").GetString()!).SetArgDisplayNames($"n{n}");
            if (n > 1024)
            {
                data.SetCategory("Slow");
            }

            if (n > 65536)
            {
                // Minutes under CI load: run by hand with -c Release (the build time is the LeanIMT benchmark figure).
                data.Explicit("2^20 leaves: run explicitly in Release.");
            }

            yield return data;
        }
    }

    [TestCaseSource(nameof(ProjectRoots))]
    public void InsertMany_SequentialLeaves_MatchesProjectVectors(int n, string expectedRoot)
    {
        if (n > 1024 && !JitOptimized)
        {
            Assert.Ignore("Large trees are only built in optimised (Release) test runs.");
        }

        Fr[] leaves = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            leaves[i] = Fr.FromUInt64((ulong)i + 1);
        }

        InMemoryLeanImtNodeStore store = new();
        store.EnsureCapacity(n);
        LeanImtTree tree = new(store);
        Stopwatch watch = Stopwatch.StartNew();
        tree.InsertMany(leaves);
        watch.Stop();
        TestContext.Out.WriteLine($"LeanIMT bulk build of {n} leaves: {watch.Elapsed.TotalSeconds:F2} s");
        Assert.That(tree.Root.ToString(), Is.EqualTo(expectedRoot));
        Assert.That(tree.Depth, Is.EqualTo(n <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)n - 1)));
    }

    private static IEnumerable<TestCaseData> PeerTrees()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("leanimt_vectors.json");
        foreach (JsonElement t in doc.RootElement.GetProperty("trees").EnumerateArray())
        {
            yield return new TestCaseData(t.GetRawText()).SetArgDisplayNames($"n{t.GetProperty("n").GetInt32()}");
        }
    }

    [TestCaseSource(nameof(PeerTrees))]
    public void Tree_MatchesZkKitLeanImt(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        CheckTree(doc.RootElement);
    }

    private static IEnumerable<TestCaseData> PeerHistories()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("leanimt_vectors.json");
        int i = 0;
        foreach (JsonElement h in doc.RootElement.GetProperty("histories").EnumerateArray())
        {
            yield return new TestCaseData(h.GetRawText()).SetArgDisplayNames($"history{i++}");
        }
    }

    [TestCaseSource(nameof(PeerHistories))]
    public void History_InsertUpdateRemove_MatchesZkKitLeanImt(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        ReplayHistory(doc.RootElement);
    }

    [Test]
    public void LivePeer_FreshRandomTreesAndHistories()
    {
        using JsonDocument doc = ZkTestFiles.RunPeer("leanimt-vectors.mjs", "12");
        foreach (JsonElement t in doc.RootElement.GetProperty("trees").EnumerateArray())
        {
            CheckTree(t);
        }

        foreach (JsonElement h in doc.RootElement.GetProperty("histories").EnumerateArray())
        {
            ReplayHistory(h);
        }
    }

    [Test]
    public void Semaphore_Depth16VectorGroup_RootAndProof()
    {
        using JsonDocument doc = ZkTestFiles.ReadVector("semaphore", "semaphore_v4_depth16_vector.json");
        JsonElement group = doc.RootElement.GetProperty("group");
        LeanImtTree tree = new();
        foreach (JsonElement leaf in group.GetProperty("leaves").EnumerateArray())
        {
            tree.Insert(Fr.Parse(leaf.GetString()!));
        }

        Assert.That(tree.Root.ToString(), Is.EqualTo(group.GetProperty("root").GetString()));
        Assert.That(tree.Depth, Is.EqualTo(group.GetProperty("depth").GetInt32()));
        LeanImtProof proof = tree.GenerateProof(2);
        JsonElement expected = group.GetProperty("proofForLeafIndex2");
        Assert.That(proof.Index, Is.EqualTo(expected.GetProperty("index").GetUInt64()));
        Assert.That(proof.Siblings.Select(s => s.ToString()), Is.EqualTo(expected.GetProperty("siblings").EnumerateArray().Select(e => e.GetString())));
        Assert.That(LeanImtTree.VerifyProof(proof), Is.True);
    }

    [Test]
    public void InsertAndInsertMany_GiveTheSameNodes()
    {
        Random random = new(5);
        Fr[] leaves = Enumerable.Range(0, 77).Select(_ => Fr.FromRandom(random)).ToArray();
        LeanImtTree one = new();
        foreach (Fr leaf in leaves)
        {
            one.Insert(leaf);
        }

        LeanImtTree batched = new();
        batched.InsertMany(leaves.AsSpan(0, 13));
        batched.InsertMany(leaves.AsSpan(13, 1));
        batched.InsertMany(leaves.AsSpan(14));
        Assert.That(batched.Root, Is.EqualTo(one.Root));
        for (ulong i = 0; i < 77; i++)
        {
            Assert.That(batched.GenerateProof(i).Siblings, Is.EqualTo(one.GenerateProof(i).Siblings));
        }
    }

    [Test]
    public void BadInput_IsRejectedAndChangesNothing()
    {
        LeanImtTree tree = new();
        tree.InsertMany([Fr.FromUInt64(1), Fr.FromUInt64(2), Fr.FromUInt64(3)]);
        Fr root = tree.Root;

        Assert.That(() => tree.Insert(Fr.Zero), Throws.ArgumentException.With.Message.Contains("zero"));
        Assert.That(() => tree.Insert(Fr.FromUInt64(2)), Throws.ArgumentException.With.Message.Contains("already"));
        Assert.That(() => tree.Insert(Fr.Modulus), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => LeanImtTree.ToLeaf(Enumerable.Repeat((byte)0xFF, 32).ToArray()), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => tree.InsertMany([Fr.FromUInt64(9), Fr.FromUInt64(9)]), Throws.ArgumentException);
        Assert.That(() => tree.InsertMany([Fr.FromUInt64(9), Fr.Zero]), Throws.ArgumentException);
        Assert.That(() => tree.InsertMany(ReadOnlySpan<Fr>.Empty), Throws.ArgumentException);
        Assert.That(() => tree.Update(3, Fr.FromUInt64(7)), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => tree.Update(0, Fr.FromUInt64(3)), Throws.ArgumentException);
        Assert.That(() => tree.Update(0, Fr.Zero), Throws.ArgumentException);
        Assert.That(() => tree.GenerateProof(3), Throws.TypeOf<ArgumentOutOfRangeException>());

        Assert.That(tree.Root, Is.EqualTo(root));
        Assert.That(tree.Size, Is.EqualTo(3UL));
        Assert.That(tree.Has(Fr.FromUInt64(9)), Is.False);

        tree.Remove(1);
        Assert.That(() => tree.Remove(1), Throws.InvalidOperationException);
        Assert.That(() => tree.Update(1, Fr.FromUInt64(8)), Throws.InvalidOperationException);
        Assert.That(tree.Has(Fr.FromUInt64(2)), Is.False);
        Assert.That(tree.IndexOf(Fr.FromUInt64(2)), Is.EqualTo(-1));
        Assert.That(tree.GetLeaf(1).IsZero, Is.True);
        tree.Insert(Fr.FromUInt64(2));
        Assert.That(tree.IndexOf(Fr.FromUInt64(2)), Is.EqualTo(3));
    }

    [Test]
    public void VerifyProof_RejectsTamperedProofs()
    {
        LeanImtTree tree = new();
        tree.InsertMany(Enumerable.Range(1, 11).Select(i => Fr.FromUInt64((ulong)i)).ToArray());
        LeanImtProof proof = tree.GenerateProof(6);
        Assert.That(LeanImtTree.VerifyProof(proof), Is.True);
        Assert.That(LeanImtTree.VerifyProof(new LeanImtProof(proof.Root, Fr.FromUInt64(99), proof.Index, proof.Siblings)), Is.False);
        Assert.That(LeanImtTree.VerifyProof(new LeanImtProof(proof.Root, proof.Leaf, proof.Index ^ 1, proof.Siblings)), Is.False);
        Assert.That(LeanImtTree.VerifyProof(new LeanImtProof(proof.Root, proof.Leaf, proof.Index | (1UL << 40), proof.Siblings)), Is.False);
        Fr[] siblings = proof.Siblings.ToArray();
        siblings[0] += Fr.One;
        Assert.That(LeanImtTree.VerifyProof(new LeanImtProof(proof.Root, proof.Leaf, proof.Index, siblings)), Is.False);
    }

    private static void CheckTree(JsonElement t)
    {
        Fr[] leaves = t.GetProperty("leaves").EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray();
        LeanImtTree batched = new();
        batched.InsertMany(leaves);
        LeanImtTree single = new();
        foreach (Fr leaf in leaves)
        {
            single.Insert(leaf);
        }

        string root = t.GetProperty("root").GetString()!;
        Assert.That(batched.Root.ToString(), Is.EqualTo(root));
        Assert.That(single.Root.ToString(), Is.EqualTo(root));
        Assert.That(batched.Depth, Is.EqualTo(t.GetProperty("depth").GetInt32()));
        Assert.That(batched.Size, Is.EqualTo((ulong)leaves.Length));
        for (int i = 0; i < leaves.Length; i++)
        {
            Assert.That(batched.IndexOf(leaves[i]), Is.EqualTo(i));
        }

        foreach (JsonElement p in t.GetProperty("proofs").EnumerateArray())
        {
            CheckProof(batched, p);
        }
    }

    private static void ReplayHistory(JsonElement steps)
    {
        LeanImtTree tree = new();
        foreach (JsonElement step in steps.EnumerateArray())
        {
            switch (step.GetProperty("op").GetString())
            {
                case "insert":
                    tree.Insert(Fr.Parse(step.GetProperty("leaf").GetString()!));
                    break;
                case "insertMany":
                    tree.InsertMany(step.GetProperty("leaves").EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray());
                    break;
                case "update":
                    tree.Update(step.GetProperty("index").GetUInt64(), Fr.Parse(step.GetProperty("leaf").GetString()!));
                    break;
                case "remove":
                    tree.Remove(step.GetProperty("index").GetUInt64());
                    break;
                default:
                    Assert.Fail($"Unknown op {step.GetProperty("op")}");
                    break;
            }

            Assert.That(tree.Root.ToString(), Is.EqualTo(step.GetProperty("root").GetString()), $"after {step.GetProperty("op")}");
            Assert.That(tree.Size, Is.EqualTo(step.GetProperty("size").GetUInt64()));
            Assert.That(tree.Depth, Is.EqualTo(step.GetProperty("depth").GetInt32()));
            CheckProof(tree, step.GetProperty("proof"));
        }
    }

    private static void CheckProof(LeanImtTree tree, JsonElement expected)
    {
        LeanImtProof proof = tree.GenerateProof(expected.GetProperty("leafIndex").GetUInt64());
        Assert.That(proof.Root.ToString(), Is.EqualTo(expected.GetProperty("root").GetString()));
        Assert.That(proof.Leaf.ToString(), Is.EqualTo(expected.GetProperty("leaf").GetString()));
        Assert.That(proof.Index, Is.EqualTo(expected.GetProperty("index").GetUInt64()));
        Assert.That(proof.Siblings.Select(s => s.ToString()), Is.EqualTo(expected.GetProperty("siblings").EnumerateArray().Select(e => e.GetString())));
        Assert.That(LeanImtTree.VerifyProof(proof), Is.True);
    }
}
