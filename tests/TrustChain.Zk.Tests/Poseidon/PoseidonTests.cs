using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Poseidon;
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

    [TestCase(1, 56)]
    [TestCase(3, 0)]
    public void GrainParameters_RejectInvalidShapes(int width, int partialRounds) =>
        Assert.That(() => PoseidonGrainParameters.Generate(width, partialRounds, Fr.Modulus), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void GrainParameters_ConstantsAreFieldElementsAndMdsIsCauchy()
    {
        PoseidonGrainParameters p = PoseidonGrainParameters.Generate(3, 57, Fr.Modulus);
        Assert.That(p.RoundConstants, Has.Count.EqualTo((8 + 57) * 3));
        Assert.That(p.RoundConstants.All(c => c.Sign >= 0 && c < Fr.Modulus), Is.True);
        // A Cauchy matrix 1/(x_i + y_j) satisfies 1/M00 - 1/M01 = 1/M10 - 1/M11 (= y0 - y1).
        BigInteger r = Fr.Modulus;
        BigInteger Inv(BigInteger v) => BigInteger.ModPow(v, r - 2, r);
        BigInteger left = (Inv(p.Mds[0][0]) - Inv(p.Mds[0][1]) + r) % r;
        BigInteger right = (Inv(p.Mds[1][0]) - Inv(p.Mds[1][1]) + r) % r;
        Assert.That(left, Is.EqualTo(right));
    }

    [Test]
    public void Hash_BigInteger_RejectsValuesOutsideTheField()
    {
        Assert.That(() => ZkPoseidon.Hash(Fr.Modulus, BigInteger.One), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ZkPoseidon.Hash(BigInteger.MinusOne), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Hash2_DoesNotAllocate_AndReportsThroughput()
    {
        Fr a = Fr.FromUInt64(1), b = Fr.FromUInt64(2);
        for (int i = 0; i < 200; i++)
        {
            a = ZkPoseidon.Hash2(a, b);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            a = ZkPoseidon.Hash2(a, b);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocated, Is.Zero, "Hash2 must not allocate.");

        // Time-boxed so the suite stays fast in Debug; the figure is only meaningful in Release.
        int count = 0;
        Stopwatch watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 300)
        {
            for (int i = 0; i < 100; i++)
            {
                a = ZkPoseidon.Hash2(a, b);
            }

            count += 100;
        }

        TestContext.Out.WriteLine($"Poseidon Hash2: {count / watch.Elapsed.TotalSeconds:F0} hashes/s (single thread)");
        Assert.That(a.IsZero, Is.False);
    }
}
