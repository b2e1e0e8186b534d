using System.Text.Json;
using TrustChain.Zk.Bn254;
using ZkPoseidon = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Zk.Tests.Poseidon;

/// <summary>
/// <see cref="ZkPoseidon.Hash2Many"/> runs eight hashes at a time in AVX-512 lanes with its own lazily reduced 29-bit-limb
/// arithmetic, so it is checked against poseidon-lite's outputs and against the textbook permutation, with the inputs
/// that stress the reduction bounds (0, 1, r − 1, values just below r and 2^253).
/// </summary>
public class PoseidonBatchTests
{
    private static readonly Fr[] EdgeValues =
    [
        Fr.Zero,
        Fr.One,
        -Fr.One,
        -Fr.FromUInt64(2),
        Fr.Parse("0x2000000000000000000000000000000000000000000000000000000000000000"),
        Fr.Parse("0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        Fr.Parse("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593efffffff"),
        Fr.FromUInt64(ulong.MaxValue),
    ];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(16)]
    [TestCase(37)]
    public void Hash2Many_EqualsTextbookPermutation(int count)
    {
        Random random = new(count + 11);
        Fr[] left = new Fr[count], right = new Fr[count], output = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            // Every edge value meets every other one across the lanes, the rest is random.
            left[i] = i < EdgeValues.Length * 2 ? EdgeValues[i % EdgeValues.Length] : Fr.FromRandom(random);
            right[i] = i < EdgeValues.Length * 2 ? EdgeValues[(i / 2 + 3) % EdgeValues.Length] : Fr.FromRandom(random);
        }

        ZkPoseidon.Hash2Many(left, right, output);

        for (int i = 0; i < count; i++)
        {
            Assert.That(output[i], Is.EqualTo(ZkPoseidon.HashUnoptimized([left[i], right[i]])), $"pair {i}");
        }
    }

    [Test]
    public void Hash2Many_MatchesPoseidonLiteVectors()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("poseidon_lite_vectors.json");
        List<(Fr Left, Fr Right, string Expected)> vectors = [];
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            string[] inputs = v.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            if (inputs.Length == 2)
            {
                vectors.Add((Fr.Parse(inputs[0]), Fr.Parse(inputs[1]), v.GetProperty("output").GetString()!));
            }
        }

        Assume.That(vectors, Is.Not.Empty, "the fixture has two-input vectors");

        // Repeat them to fill whole lane groups plus a scalar tail.
        int count = Math.Max(19, vectors.Count);
        Fr[] left = new Fr[count], right = new Fr[count], output = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            (left[i], right[i], _) = vectors[i % vectors.Count];
        }

        ZkPoseidon.Hash2Many(left, right, output);

        for (int i = 0; i < count; i++)
        {
            Assert.That(output[i].ToString(), Is.EqualTo(vectors[i % vectors.Count].Expected), $"pair {i}");
        }
    }

    [Test]
    public void Hash2Many_RandomBatch_EqualsHash2()
    {
        Random random = new(5);
        const int count = 1003;
        Fr[] left = new Fr[count], right = new Fr[count], output = new Fr[count];
        for (int i = 0; i < count; i++)
        {
            left[i] = Fr.FromRandom(random);
            right[i] = Fr.FromRandom(random);
        }

        ZkPoseidon.Hash2Many(left, right, output);

        for (int i = 0; i < count; i++)
        {
            Assert.That(output[i], Is.EqualTo(ZkPoseidon.Hash2(left[i], right[i])), $"pair {i}");
        }
    }

    [TestCase(8, 7, 8)]
    [TestCase(8, 8, 9)]
    [TestCase(0, 1, 0)]
    public void Hash2Many_LengthMismatch_ThrowsAndWritesNothing(int leftLength, int rightLength, int outputLength)
    {
        Fr[] output = Enumerable.Repeat(Fr.One, outputLength).ToArray();

        Assert.That(() => ZkPoseidon.Hash2Many(new Fr[leftLength], new Fr[rightLength], output),
            Throws.ArgumentException.With.Message.Contains("equal length"));
        Assert.That(output, Is.All.EqualTo(Fr.One));
    }
}
