using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

[TestFixture]
public sealed class FingerprintTests
{
    private static readonly byte[] Seed = Hex.FromHexString(InteropVectors.Seed);

    private static IEnumerable<TestCaseData> EthersSets() =>
        InteropVectors.Sets.Select(s => new TestCaseData(s.Count, s.LastResponse, s.Root).SetName($"Root_matches_ethers_for_{s.Count}_fingerprints"));

    [TestCaseSource(nameof(EthersSets))]
    public void Generated_pairs_and_root_match_the_ethers_reference(int count, string lastResponse, string root)
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, count);
        Assert.Multiple(() =>
        {
            Assert.That(set.Count, Is.EqualTo(count));
            Assert.That(set[0].Key, Is.EqualTo(Hash256.Parse(InteropVectors.FirstKey)));
            Assert.That(set[count - 1].Response, Is.EqualTo(Hash256.Parse(lastResponse)));
            Assert.That(set.Root, Is.EqualTo(Hash256.Parse(root)));
        });
    }

    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 2)]
    [TestCase(5, 3)]
    [TestCase(256, 8)]
    [TestCase(257, 9)]
    public void Every_proof_verifies_and_has_the_tree_depth(int count, int depth)
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, count);
        Assert.That(set.Tree.Depth, Is.EqualTo(depth));
        for (int i = 0; i < count; i++)
        {
            Hash256[] proof = set.Proof(i);
            Assert.That(proof, Has.Length.EqualTo(depth));
            Assert.That(KeccakMerkleTree.Verify(set.Root, (ulong)count, set[i].Leaf, proof), Is.True, $"leaf {i}");
        }
    }

    [Test]
    public void Wrong_response_key_proof_or_count_does_not_verify()
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, 256);
        Hash256[] proof = set.Proof(7);
        FingerprintPair pair = set[7];
        Hash256[] tampered = (Hash256[])proof.Clone();
        tampered[3] = set[0].Leaf;
        Assert.Multiple(() =>
        {
            Assert.That(KeccakMerkleTree.Verify(set.Root, 256, FingerprintPair.ComputeLeaf(pair.Key, set[8].Response), proof), Is.False);
            Assert.That(KeccakMerkleTree.Verify(set.Root, 256, FingerprintPair.ComputeLeaf(set[8].Key, pair.Response), proof), Is.False);
            Assert.That(KeccakMerkleTree.Verify(set.Root, 256, pair.Leaf, tampered), Is.False);
            Assert.That(KeccakMerkleTree.Verify(set.Root, 256, pair.Leaf, proof[..7]), Is.False);
            Assert.That(KeccakMerkleTree.Verify(set.Root, 512, pair.Leaf, proof), Is.False);
            Assert.That(KeccakMerkleTree.Verify(set.Root, 0, pair.Leaf, proof), Is.False);
        });
    }

    [Test]
    public void Inner_node_cannot_pass_as_a_fingerprint()
    {
        // The children of an inner node form a 64-byte preimage, just like (key, response): the fixed proof length stops it.
        FingerprintSet set = FingerprintSet.Generate(Seed, 4);
        Hash256 left = set[0].Leaf;
        Hash256 right = set[1].Leaf;
        (Hash256 low, Hash256 high) = left.CompareTo(right) <= 0 ? (left, right) : (right, left);
        Hash256 sibling = KeccakMerkleTree.HashPair(set[2].Leaf, set[3].Leaf);
        Assert.That(KeccakMerkleTree.HashPair(FingerprintPair.ComputeLeaf(low, high), sibling), Is.EqualTo(set.Root), "the forged path folds to the root");
        Assert.That(KeccakMerkleTree.Verify(set.Root, 4, FingerprintPair.ComputeLeaf(low, high), [sibling]), Is.False);
    }

    [Test]
    public void Padding_word_cannot_be_proved()
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, 3);
        Hash256[] proof = [set[2].Leaf, KeccakMerkleTree.HashPair(set[0].Leaf, set[1].Leaf)];
        Assert.That(KeccakMerkleTree.Verify(set.Root, 3, Hash256.Zero, proof), Is.False);
    }

    [Test]
    public void Same_seed_gives_same_set_other_seed_and_random_differ()
    {
        byte[] other = (byte[])Seed.Clone();
        other[31] ^= 1;
        FingerprintSet a = FingerprintSet.Generate(Seed, 16);
        Assert.Multiple(() =>
        {
            Assert.That(FingerprintSet.Generate(Seed, 16).Root, Is.EqualTo(a.Root));
            Assert.That(FingerprintSet.Generate(other, 16).Root, Is.Not.EqualTo(a.Root));
            Assert.That(FingerprintSet.Generate(16).Root, Is.Not.EqualTo(FingerprintSet.Generate(16).Root));
            Assert.That(a.IndexOf(a[9].Key), Is.EqualTo(9));
            Assert.That(a.IndexOf(a[9].Response), Is.EqualTo(-1));
        });
    }

    [Test]
    public void Bad_generation_arguments_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FingerprintSet.Generate(new byte[31], 4), Throws.ArgumentException.With.Message.Contains("must be 32 bytes, got 31"));
            Assert.That(() => FingerprintSet.Generate(Seed, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => FingerprintSet.Generate(Seed, FingerprintSet.MaxCount + 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new KeccakMerkleTree([]), Throws.ArgumentException.With.Message.Contains("at least one leaf"));
        });
    }

    [Test]
    public void Duplicate_keys_are_rejected()
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, 3);
        FingerprintPair[] pairs = [set[0], set[1], set[0] with { Response = set[2].Response }];
        Assert.That(() => new FingerprintSet(pairs), Throws.ArgumentException.With.Message.Contains("appears twice (pairs 0 and 2)"));
    }

    [Test]
    public void File_round_trips_through_json_and_disk()
    {
        FingerprintSet set = FingerprintSet.Generate(Seed, 256);
        string path = Path.Combine(Path.GetTempPath(), "tc-fingerprints-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            FingerprintFile.Write(path, set);
            FingerprintSet read = FingerprintFile.Read(path);
            Assert.Multiple(() =>
            {
                Assert.That(read.Root, Is.EqualTo(set.Root));
                Assert.That(read.Pairs, Is.EqualTo(set.Pairs));
                Assert.That(File.ReadAllText(path), Does.Contain($"\"merkleRoot\": \"{set.Root}\""));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        string good = FingerprintFile.ToJson(FingerprintSet.Generate(Seed, 3));
        FingerprintSet set = FingerprintSet.Generate(Seed, 3);
        yield return Bad("not json", "{", "fingerprint file is not valid JSON");
        yield return Bad("array", "[]", "the top level must be a JSON object");
        yield return Bad("version", good.Replace("\"version\": 1", "\"version\": 2"), "version 2 is not supported (expected 1)");
        yield return Bad("count", good.Replace("\"count\": 3", "\"count\": 4"), "count is 4 but 3 fingerprints are listed");
        yield return Bad("root", good.Replace(set.Root.ToString(), Hash256.Zero.ToString()), $"does not match the fingerprints (their root is {set.Root})");
        yield return Bad("short key", good.Replace(set[1].Key.ToString(), set[1].Key.ToString()[..64]), "fingerprints[1].key must be a 0x-prefixed 32-byte hex string");
        yield return Bad("no fingerprints", good.Replace("\"fingerprints\"", "\"pairs\""), "\"fingerprints\" must be an array");
        yield return Bad("duplicate", good.Replace(set[2].Key.ToString(), set[0].Key.ToString()), "appears twice");
    }

    private static TestCaseData Bad(string name, string json, string message) =>
        new TestCaseData(json, message).SetName("Bad_file_" + name.Replace(' ', '_'));

    [TestCaseSource(nameof(BadFiles))]
    public void Bad_files_are_rejected_with_a_reason(string json, string message) =>
        Assert.That(() => FingerprintFile.FromJson(json), Throws.InstanceOf<FormatException>().With.Message.Contains(message));
}
