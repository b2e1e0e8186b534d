using TrustChain.Biometrics.Oprf;

namespace TrustChain.Biometrics.Tests.Oprf;

/// <summary>ShamirDealer.DealPolynomial: the reproducible dealing behind the DEV-ONLY genesis committee.</summary>
public class ShamirPolynomialTests
{
    private static readonly byte[] C0 = Convert.FromHexString("1f2e3d4c5b6a79880112233445566778899aabbccddeeff00102030405060708");
    private static readonly byte[] C1 = Convert.FromHexString("00000000000000000000000000000000000000000000000000000000000000ff");

    [Test]
    public void The_same_polynomial_gives_the_same_shares_and_its_constant_term_is_the_key()
    {
        OprfDealing a = ShamirDealer.DealPolynomial(3, [C0, C1]);
        OprfDealing b = ShamirDealer.DealPolynomial(3, [C0, C1]);
        Assert.That(a.Shares.Select(s => s.Secret.ToArray()), Is.EqualTo(b.Shares.Select(s => s.Secret.ToArray())));
        Assert.That(ShamirDealer.Reconstruct([a.Shares[0], a.Shares[2]]), Is.EqualTo(C0));
        Assert.That(ShamirDealer.Reconstruct([a.Shares[1], a.Shares[2]]), Is.EqualTo(C0));
        Assert.That(a.Committee.PublicKey, Is.EqualTo(CurvePoint.MultiplyGenerator(Secp256k1Scalar.FromBytes(C0))));
        Assert.That(a.Committee.Threshold, Is.EqualTo(2));

        // f(1) = c0 + c1: checks the evaluation point convention (share i = f(i)) directly.
        byte[] f1 = (byte[])C0.Clone();
        f1[^1] = (byte)(f1[^1] + 0xff);
        f1[^2] += 1;
        Assert.That(a.Shares[0].Secret.ToArray(), Is.EqualTo(f1));
    }

    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", "Coefficient 1 must be a scalar in [1, n)")]
    [TestCase("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "Coefficient 1 must be a scalar in [1, n)")]
    public void A_coefficient_outside_the_scalar_field_is_refused(string hex, string message)
    {
        Assert.That(() => ShamirDealer.DealPolynomial(3, [C0, Convert.FromHexString(hex)]), Throws.ArgumentException.With.Message.Contains(message));
    }

    [Test]
    public void More_coefficients_than_members_is_refused()
    {
        Assert.That(() => ShamirDealer.DealPolynomial(1, [C0, C1]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
