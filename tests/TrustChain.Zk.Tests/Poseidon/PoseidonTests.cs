using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using ZkPoseidon = TrustChain.Zk.Poseidon.Poseidon;

namespace TrustChain.Zk.Tests.Poseidon;

public class PoseidonTests
{
    private static IEnumerable<TestCaseData> ProjectVectors()
    {
        using JsonDocument doc = ZkTestFiles.ReadVector("semaphore", "poseidon_and_leanimt.json");
        foreach (JsonElement v in doc.RootElement.GetProperty("poseidon").GetProperty("vectors").EnumerateArray())
        {
            string[] inputs = v.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            yield return new TestCaseData(inputs, v.GetProperty("output").GetString()!).SetArgDisplayNames($"width{inputs.Length}");
        }
    }

    private static IEnumerable<TestCaseData> PoseidonLiteFixture()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("poseidon_lite_vectors.json");
        int index = 0;
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            string[] inputs = v.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            yield return new TestCaseData(inputs, v.GetProperty("output").GetString()!).SetArgDisplayNames($"n{inputs.Length}_{index++}");
        }
    }

    [TestCaseSource(nameof(ProjectVectors))]
    [TestCaseSource(nameof(PoseidonLiteFixture))]
    public void Hash_MatchesReference(string[] inputs, string expected)
    {
        Fr[] elements = inputs.Select(Fr.Parse).ToArray();
        Assert.That(ZkPoseidon.Hash(elements).ToString(), Is.EqualTo(expected));
        Assert.That(ZkPoseidon.HashUnoptimized(elements).ToString(), Is.EqualTo(expected));
        Assert.That(ZkPoseidon.Hash(inputs.Select(BigInteger.Parse).ToArray()).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_LivePeer_PoseidonLiteAgreesOnFreshRandomInputs()
    {
        using JsonDocument doc = ZkTestFiles.RunPeer("poseidon-vectors.mjs", "3");
        int count = 0;
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            Fr[] inputs = v.GetProperty("inputs").EnumerateArray().Select(e => Fr.Parse(e.GetString()!)).ToArray();
            Assert.That(ZkPoseidon.Hash(inputs).ToString(), Is.EqualTo(v.GetProperty("output").GetString()), $"width {inputs.Length}");
            count++;
        }

        Assert.That(count, Is.EqualTo(48));
    }

    [Test]
    public void OptimizedAndPlainPermutations_AgreeForEveryWidth()
    {
        Random random = new(42);
        for (int n = 1; n <= 16; n++)
        {
            for (int k = 0; k < 3; k++)
            {
                Fr[] inputs = Enumerable.Range(0, n).Select(_ => Fr.FromRandom(random)).ToArray();
                Assert.That(ZkPoseidon.Hash(inputs), Is.EqualTo(ZkPoseidon.HashUnoptimized(inputs)), $"width {n}");
            }
        }
    }

    [Test]
    public void Hash2_EqualsGenericHash()
    {
        Random random = new(7);
        for (int i = 0; i < 20; i++)
        {
            Fr a = Fr.FromRandom(random), b = Fr.FromRandom(random);
            Assert.That(ZkPoseidon.Hash2(a, b), Is.EqualTo(ZkPoseidon.HashUnoptimized([a, b])));
        }
    }

    [TestCase(0)]
    [TestCase(17)]
    public void Hash_RejectsUnsupportedInputCount(int count)
    {
        Fr[] inputs = new Fr[count];
        Assert.That(() => ZkPoseidon.Hash(inputs), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Hash_BigInteger_RejectsValuesOutsideTheField()
    {
        Assert.That(() => ZkPoseidon.Hash(Fr.Modulus, BigInteger.One), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ZkPoseidon.Hash(BigInteger.MinusOne), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Hash2_Throughput_ReportsHashesPerSecond()
    {
        Fr a = Fr.FromUInt64(1), b = Fr.FromUInt64(2);
        for (int i = 0; i < 2000; i++)
        {
            a = ZkPoseidon.Hash2(a, b);
        }

        const int count = 50_000;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Stopwatch watch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            a = ZkPoseidon.Hash2(a, b);
        }

        watch.Stop();
        long allocatedDuring = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double perSecond = count / watch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"Poseidon Hash2: {perSecond:F0} hashes/s (single thread), allocated {allocatedDuring} bytes");
        Assert.That(allocatedDuring, Is.LessThan(1024), "Hash2 must not allocate per call.");
        Assert.That(a.IsZero, Is.False);
    }
}
