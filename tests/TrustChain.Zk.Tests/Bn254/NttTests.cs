using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class NttTests
{
    private static Fr[] RandomVector(int n, int seed)
    {
        Random rnd = new(seed);
        Fr[] v = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = Fr.FromRandom(rnd);
        }

        return v;
    }

    private static Fr[] NaiveEvaluate(Fr[] coeffs, Fr shift, Fr omega)
    {
        Fr[] result = new Fr[coeffs.Length];
        Fr x = shift;
        for (int i = 0; i < coeffs.Length; i++)
        {
            Fr acc = Fr.Zero;
            for (int j = coeffs.Length - 1; j >= 0; j--)
            {
                acc = acc * x + coeffs[j];
            }

            result[i] = acc;
            x *= omega;
        }

        return result;
    }

    [Test]
    public void RootOfUnity_HasExactOrder()
    {
        Fr w = Ntt.RootOfUnity(28);
        Assert.That(w.Pow(1UL << 28).IsOne, Is.True);
        Assert.That(w.Pow(1UL << 27).IsOne, Is.False);
        Assert.That(Ntt.RootOfUnity(1), Is.EqualTo(-Fr.One));
        Assert.That(Ntt.RootOfUnity(28), Is.EqualTo(Fr.FromUInt64(5).Pow(Fr.FromBigInteger((Fr.Modulus - 1) >> 28))));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(8)]
    [TestCase(32)]
    public void Forward_MatchesNaiveEvaluation(int n)
    {
        Fr[] coeffs = RandomVector(n, n);
        Fr[] values = (Fr[])coeffs.Clone();
        Ntt.Forward(values);
        Fr omega = Ntt.RootOfUnity(System.Numerics.BitOperations.Log2((uint)n));
        Assert.That(values, Is.EqualTo(NaiveEvaluate(coeffs, Fr.One, omega)));
    }

    [TestCase(16)]
    [TestCase(1024)]
    public void Inverse_UndoesForward(int n)
    {
        Fr[] original = RandomVector(n, 3);
        Fr[] values = (Fr[])original.Clone();
        Ntt.Forward(values);
        Assert.That(values, Is.Not.EqualTo(original));
        Ntt.Inverse(values);
        Assert.That(values, Is.EqualTo(original));
    }

    [Test]
    public void Coset_MatchesNaiveEvaluation_AndRoundTrips()
    {
        Fr[] coeffs = RandomVector(16, 9);
        Fr shift = Ntt.RootOfUnity(5);
        Fr[] values = (Fr[])coeffs.Clone();
        Ntt.ForwardCoset(values, shift);
        Assert.That(values, Is.EqualTo(NaiveEvaluate(coeffs, shift, Ntt.RootOfUnity(4))));
        Ntt.InverseCoset(values, shift);
        Assert.That(values, Is.EqualTo(coeffs));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(12)]
    public void NonPowerOfTwoLength_Throws(int n) =>
        Assert.Throws<ArgumentException>(() => Ntt.Forward(new Fr[n]));
}
