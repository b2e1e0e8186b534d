using System.Numerics;
using TrustChain.Biometrics.Lsh;
using TrustChain.Biometrics.Oprf;

namespace TrustChain.Biometrics.Tests.Oprf;

/// <summary>A scan's bands blinded at once (one batch inversion) give the same tags as the direct PRF with the full key.</summary>
public class BatchBlindingTests
{
    private static readonly byte[] Key = Convert.FromHexString("0a1b2c3d4e5f60718293a4b5c6d7e8f90011223344556677889900aabbccddee");

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(37)]
    public void Batch_blinded_bands_finalize_to_the_direct_prf(int bands)
    {
        OprfDealing dealing = ShamirDealer.Deal(2, 3, Key);
        BandInput[] inputs = Enumerable.Range(0, bands).Select(i => new BandInput(i, 20, (ulong)(i * 7919 + 3))).ToArray();

        OprfBlindedInput[] blinded = OprfClient.BlindMany(inputs);

        Assert.That(blinded, Has.Length.EqualTo(bands));
        for (int i = 0; i < bands; i++)
        {
            Assert.That(blinded[i].Input, Is.EqualTo(inputs[i]));
            OprfEvaluation[] answers = [new OprfServer(dealing.Shares[2]).Evaluate(blinded[i].BlindedElement), new OprfServer(dealing.Shares[0]).Evaluate(blinded[i].BlindedElement)];
            Assert.That(OprfClient.Finalize(blinded[i], answers, dealing.Committee).Tag, Is.EqualTo(OprfFunction.Evaluate(Key, inputs[i])), $"band {i}");
        }
    }

    [Test]
    public void Batch_inverses_are_inverses()
    {
        BigInteger[] values = [BigInteger.One, 2, Secp256k1Scalar.Order - 1, Secp256k1Scalar.Order + 5, Secp256k1Scalar.Random(), Secp256k1Scalar.Random()];
        BigInteger[] inverses = new BigInteger[values.Length];

        Secp256k1Scalar.InverseAll(values, inverses);

        for (int i = 0; i < values.Length; i++)
        {
            Assert.That(BigInteger.Remainder(values[i] * inverses[i], Secp256k1Scalar.Order), Is.EqualTo(BigInteger.One), $"value {i}");
        }
    }

    /// <summary>Lagrange coefficients at 0 of any member set sum to 1 (they interpolate the constant polynomial 1).</summary>
    [TestCase(new[] { 1, 2 })]
    [TestCase(new[] { 3, 1 })]
    [TestCase(new[] { 5, 1, 4 })]
    [TestCase(new[] { 2, 63, 7 })]
    [TestCase(new[] { 1, 70 })]
    [TestCase(new[] { 64, 65, 200 })]
    public void Lagrange_coefficients_sum_to_one_on_repeated_use(int[] members)
    {
        for (int round = 0; round < 2; round++)
        {
            BigInteger sum = BigInteger.Zero;
            foreach (int member in members)
            {
                sum += Secp256k1Scalar.LagrangeAtZero(member, members);
            }

            Assert.That(BigInteger.Remainder(sum, Secp256k1Scalar.Order), Is.EqualTo(BigInteger.One), $"round {round}");
        }

        // λ_1 of {1, 2} is 2/(2−1) = 2, and λ_2 is 1/(1−2) = −1.
        Assert.That(Secp256k1Scalar.LagrangeAtZero(1, [1, 2]), Is.EqualTo(new BigInteger(2)));
        Assert.That(Secp256k1Scalar.LagrangeAtZero(2, [2, 1]), Is.EqualTo(Secp256k1Scalar.Order - 1));
        Assert.That(() => Secp256k1Scalar.LagrangeAtZero(3, [1, 2]), Throws.ArgumentException.With.Message.Contains("not among"));
    }

    [Test]
    public void Batch_inversion_refuses_zero_and_mismatched_lengths()
    {
        BigInteger[] inverses = new BigInteger[3];
        Assert.That(() => Secp256k1Scalar.InverseAll(new BigInteger[] { 5, Secp256k1Scalar.Order, 7 }, inverses),
            Throws.TypeOf<DivideByZeroException>().With.Message.Contains("Value 1"));
        Assert.That(() => Secp256k1Scalar.InverseAll(new BigInteger[] { 5, 6 }, inverses), Throws.ArgumentException.With.Message.Contains("inverse slots"));
        Assert.That(() => Secp256k1Scalar.InverseAll(ReadOnlySpan<BigInteger>.Empty, Span<BigInteger>.Empty), Throws.Nothing);
    }
}
