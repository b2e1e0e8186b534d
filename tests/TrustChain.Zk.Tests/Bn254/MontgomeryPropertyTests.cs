using System.Globalization;
using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// Property tests of the 4-limb Montgomery multiplication and squaring against System.Numerics.BigInteger, for both
/// BN254 fields. Besides random values, elements are built whose internal Montgomery limbs take carry-stressing values
/// (0, 1, p − 1, all-ones low limbs, R mod p, …): an element with internal limbs T has canonical value T·R⁻¹ mod p.
/// </summary>
[TestFixture]
public class MontgomeryPropertyTests
{
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    public static IEnumerable<TestCaseData> Fields()
    {
        yield return new TestCaseData(new FieldOps(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583",
            v => Fq.FromBigInteger(v), x => ((Fq)x).ToBigInteger(),
            (x, y) => (Fq)x * (Fq)y, x => ((Fq)x).Square())).SetArgDisplayNames("Fq");
        yield return new TestCaseData(new FieldOps(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617",
            v => Fr.FromBigInteger(v), x => ((Fr)x).ToBigInteger(),
            (x, y) => (Fr)x * (Fr)y, x => ((Fr)x).Square())).SetArgDisplayNames("Fr");
    }

    [TestCaseSource(nameof(Fields))]
    public void MulAndSquare_MatchBigInteger_OnRandomValues(FieldOps f)
    {
        Random rnd = new(20261121);
        byte[] buf = new byte[40];
        for (int i = 0; i < 3000; i++)
        {
            rnd.NextBytes(buf);
            BigInteger a = new BigInteger(buf, isUnsigned: true) % f.P;
            rnd.NextBytes(buf);
            BigInteger b = new BigInteger(buf, isUnsigned: true) % f.P;
            object x = f.From(a), y = f.From(b);
            Assert.That(f.ToBig(f.Mul(x, y)), Is.EqualTo(a * b % f.P), $"{a} * {b}");
            Assert.That(f.ToBig(f.Square(x)), Is.EqualTo(a * a % f.P), $"{a}^2");
        }
    }

    [TestCaseSource(nameof(Fields))]
    public void MulAndSquare_MatchBigInteger_OnEdgeMontgomeryLimbs(FieldOps f)
    {
        List<BigInteger> values = [.. EdgeInternalLimbs(f.P).Select(t => t * f.RInverse % f.P)];
        values.AddRange([BigInteger.Zero, BigInteger.One, f.P - 1, f.P - 2, (Two256 - f.P) % f.P, BigInteger.One << 253]);
        foreach (BigInteger a in values)
        {
            object x = f.From(a);
            Assert.That(f.ToBig(f.Square(x)), Is.EqualTo(a * a % f.P), $"{a}^2");
            foreach (BigInteger b in values)
            {
                Assert.That(f.ToBig(f.Mul(x, f.From(b))), Is.EqualTo(a * b % f.P), $"{a} * {b}");
            }
        }
    }

    [Test]
    public void Fq2Mul_WithMaximalUnreducedKaratsubaSums_MatchesBigInteger()
    {
        // Fq2's Karatsuba feeds a0 + a1 and b0 + b1 to the multiplication unreduced (up to 2q − 2), the largest
        // operands the no-carry multiplication must accept.
        BigInteger q = Fq.Modulus;
        BigInteger[] edge = [q - 1, q - 2, BigInteger.One, BigInteger.Zero, (q + 1) / 2, (Two256 - q) % q];
        foreach (BigInteger a0 in edge)
        {
            foreach (BigInteger a1 in edge)
            {
                foreach (BigInteger b0 in new[] { q - 1, (q - 1) / 2 })
                {
                    BigInteger b1 = q - 1;
                    Fq2 product = new Fq2(Fq.FromBigInteger(a0), Fq.FromBigInteger(a1)) *
                                  new Fq2(Fq.FromBigInteger(b0), Fq.FromBigInteger(b1));
                    BigInteger c0 = ((a0 * b0 - a1 * b1) % q + q) % q;
                    BigInteger c1 = (a0 * b1 + a1 * b0) % q;
                    Assert.That(product.C0.ToBigInteger(), Is.EqualTo(c0));
                    Assert.That(product.C1.ToBigInteger(), Is.EqualTo(c1));
                }
            }
        }
    }

    /// <summary>Internal (Montgomery) limb patterns that stress every carry and the final conditional subtraction.</summary>
    private static IEnumerable<BigInteger> EdgeInternalLimbs(BigInteger p)
    {
        BigInteger ones64 = ulong.MaxValue;
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return p - 1;
        yield return p - 2;
        yield return (p - 1) / 2;
        yield return Two256 % p; // Montgomery form of 1
        yield return (Two256 % p) - 1;
        yield return ones64;
        yield return (BigInteger.One << 128) - 1;
        yield return (BigInteger.One << 192) - 1; // three all-ones low limbs
        yield return (p >> 192 << 192) - 1; // top limb of p minus one, all-ones below
        yield return p - (BigInteger.One << 64);
        yield return p - (BigInteger.One << 128);
        yield return p - (BigInteger.One << 192);
        yield return BigInteger.One << 192;
        yield return BigInteger.One << 253;
    }

    /// <summary>One field's operations, boxed so a single test body covers both <see cref="Fq"/> and <see cref="Fr"/>.</summary>
    public sealed class FieldOps(
        string modulus,
        Func<BigInteger, object> from,
        Func<object, BigInteger> toBig,
        Func<object, object, object> mul,
        Func<object, object> square)
    {
        public BigInteger P { get; } = BigInteger.Parse(modulus, CultureInfo.InvariantCulture);

        public BigInteger RInverse => BigInteger.ModPow(Two256 % P, P - 2, P);

        public object From(BigInteger v) => from(v);

        public BigInteger ToBig(object x) => toBig(x);

        public object Mul(object x, object y) => mul(x, y);

        public object Square(object x) => square(x);
    }
}
