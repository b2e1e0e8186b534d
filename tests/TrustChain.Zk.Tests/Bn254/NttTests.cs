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

    // Values printed by ffjavascript 0.3 (buildBn128().Fr.w[k]), the field library behind snarkjs.
    [TestCase(28, "19103219067921713944291392827692070036145651957329286315305642004821462161904")]
    [TestCase(10, "3161067157621608152362653341354432744960400845131437947728257924963983317266")]
    [TestCase(1, "21888242871839275222246405745257275088548364400416034343698204186575808495616")]
    public void RootOfUnity_MatchesFfjavascript(int log2, string expected) =>
        Assert.That(Ntt.RootOfUnity(log2).ToString(), Is.EqualTo(expected));

    [Test]
    public void Forward_MatchesFfjavascriptFft()
    {
        // ffjavascript: Fr.fft([1, 2, 3, 4]).
        Fr[] values = [Fr.FromUInt64(1), Fr.FromUInt64(2), Fr.FromUInt64(3), Fr.FromUInt64(4)];
        Ntt.Forward(values);
        Assert.That(values.Select(v => v.ToString()), Is.EqualTo(new[]
        {
            "10",
            "8815841940592487685082627943775890807874194266836837569428",
            "21888242871839275222246405745257275088548364400416034343698204186575808495615",
            "21888242871839275213430563804664787403465736456640143535824009919738970926185",
        }));
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
