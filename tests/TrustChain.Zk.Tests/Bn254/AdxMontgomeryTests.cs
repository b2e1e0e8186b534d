using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using TrustChain.Zk.Bn254;
using ZkPoseidon = TrustChain.Zk.Poseidon.Poseidon;
using TrustChain.Zk.Poseidon;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// The machine-code kernels (<see cref="AdxMontgomery"/>) against the managed arithmetic they replace, limb for limb:
/// multiplication on random and carry-stressing operands up to 2p − 1 (the unreduced Karatsuba sums), the Poseidon
/// round loops. The batched affine G1 and G2 bucket additions are compared (machine code, managed and discrete logs) in
/// <see cref="BucketTreeTests"/>. Fixed seeds throughout.
/// </summary>
[TestFixture]
public unsafe class AdxMontgomeryTests
{
    [Test]
    public void Kernels_AreActive_OnLinuxX64WithAdx()
    {
        bool adx = RuntimeInformation.ProcessArchitecture == Architecture.X64 && Bmi2.X64.IsSupported
            && (X86Base.CpuId(7, 0).Ebx & (1 << 19)) != 0;
        Assume.That(OperatingSystem.IsLinux() && adx, "needs Linux x64 with BMI2 and ADX");
        Assume.That(Environment.GetEnvironmentVariable(AdxMontgomery.DisableVariable), Is.Not.EqualTo("0"));

        // Otherwise every other test here would silently compare the managed path with itself.
        Assert.That(AdxMontgomery.IsActive, Is.True);
    }

    [TestCase(false, 101)]
    [TestCase(true, 202)]
    public void Mul_MatchesManagedKernel_OnRandomOperandsBelowTwiceTheModulus(bool fr, int seed)
    {
        Assume.That(AdxMontgomery.IsActive, "kernels not active here");
        Random random = new(seed);
        ulong[] p = Modulus(fr);
        for (int i = 0; i < 20_000; i++)
        {
            ulong[] a = RandomBelowTwiceModulus(random, p);
            ulong[] b = RandomBelowTwiceModulus(random, p);
            AssertSameAsManaged(fr, a, b);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Mul_MatchesManagedKernel_OnEdgeOperands(bool fr)
    {
        Assume.That(AdxMontgomery.IsActive, "kernels not active here");
        ulong[] p = Modulus(fr);
        ulong[] twoP = [p[0] << 1, (p[1] << 1) | (p[0] >> 63), (p[2] << 1) | (p[1] >> 63), (p[3] << 1) | (p[2] >> 63)];
        List<ulong[]> edge =
        [
            [0, 0, 0, 0], [1, 0, 0, 0], Sub(p, 1), Sub(p, 2), p, Sub(twoP, 1), Sub(twoP, 2),
            [ulong.MaxValue, 0, 0, 0], [ulong.MaxValue, ulong.MaxValue, 0, 0], [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0],
            [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, p[3] - 1], [0, 0, 0, p[3]], [0, 0, 0, 1UL << 61],
            [p[0], 0, 0, 0], [0, p[1], 0, 0], [0, 0, p[2], 0],
        ];
        foreach (ulong[] a in edge)
        {
            foreach (ulong[] b in edge)
            {
                AssertSameAsManaged(fr, a, b);
            }
        }
    }

    [Test]
    public void PoseidonRounds_MatchManagedArithmetic()
    {
        Assume.That(AdxMontgomery.IsActive, "kernels not active here");
        PoseidonParameters parameters = PoseidonParameters.ForInputs(2);
        Random random = new(303);
        Fr* state = stackalloc Fr[3];
        fixed (Fr* constants = parameters.PartialConstants, sparse = parameters.SparseMatrices)
        {
            for (int i = 0; i < 200; i++)
            {
                Fr s0 = i == 0 ? Fr.Zero : Fr.FromRandom(random), s1 = Fr.FromRandom(random), s2 = Fr.FromRandom(random);
                (state[0], state[1], state[2]) = (s0, s1, s2);
                AdxMontgomery.Poseidon3PartialRounds(state, constants, sparse, parameters.PartialConstants.Length);
                ZkPoseidon.PartialRounds3Managed(ref s0, ref s1, ref s2, parameters.PartialConstants, parameters.SparseMatrices);
                Assert.That((state[0], state[1], state[2]), Is.EqualTo((s0, s1, s2)), $"partial rounds {i}");

                // Hash2 runs every round in machine code here; the textbook permutation uses none of it.
                Assert.That(ZkPoseidon.Hash2(s1, s2), Is.EqualTo(ZkPoseidon.HashUnoptimized([s1, s2])), $"hash {i}");
            }
        }
    }

    private static void AssertSameAsManaged(bool fr, ulong[] a, ulong[] b)
    {
        ulong* r = stackalloc ulong[4];
        ulong m0, m1, m2, m3;
        fixed (ulong* pa = a, pb = b)
        {
            if (fr)
            {
                AdxMontgomery.MulFr(r, pa, pb);
                MontgomeryMath.MulManaged<FrModulus>(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], out m0, out m1, out m2, out m3);
            }
            else
            {
                AdxMontgomery.MulFq(r, pa, pb);
                MontgomeryMath.MulManaged<FqModulus>(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], out m0, out m1, out m2, out m3);
            }
        }

        // The message is built only on a mismatch: tens of thousands of pairs go through here.
        if (r[0] != m0 || r[1] != m1 || r[2] != m2 || r[3] != m3)
        {
            Assert.Fail($"{Describe(a, b)}: kernel {Hex(r[0], r[1], r[2], r[3])}, managed {Hex(m0, m1, m2, m3)}");
        }
    }

    private static string Hex(params ulong[] limbs) => string.Join(":", limbs.Select(x => x.ToString("x16")));

    private static string Describe(ulong[] a, ulong[] b) => $"{Hex(a)} * {Hex(b)}";

    private static ulong[] Modulus(bool fr) => fr
        ? [FrModulus.P0, FrModulus.P1, FrModulus.P2, FrModulus.P3]
        : [FqModulus.P0, FqModulus.P1, FqModulus.P2, FqModulus.P3];

    private static ulong[] RandomBelowTwiceModulus(Random random, ulong[] p)
    {
        // Top limb below 2·p3 keeps the value below 2p; a third of the draws push the low limbs to all ones.
        ulong[] v = new ulong[4];
        for (int k = 0; k < 3; k++)
        {
            v[k] = random.Next(3) == 0 ? ulong.MaxValue : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
        }

        v[3] = (ulong)random.NextInt64() % (2 * p[3]);
        return v;
    }

    private static ulong[] Sub(ulong[] a, ulong small)
    {
        ulong[] r = (ulong[])a.Clone();
        for (int k = 0; k < 4; k++)
        {
            ulong before = r[k];
            r[k] -= small;
            if (before >= small)
            {
                break;
            }

            small = 1;
        }

        return r;
    }
}
