using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.BabyJubJub;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Tests.Poseidon;

namespace TrustChain.Zk.Tests.BabyJubJub;

public class BabyJubJubPointTests
{
    // The EIP-2494 generator; Base8 = 8·G.
    private static readonly BabyJubJubPoint Generator = new(
        Fr.Parse("995203441582195749578291179787384436505546430278305826713579947235728471134"),
        Fr.Parse("5472060717959818805561601436314318772137091100104008585924551046643952123905"));

    [Test]
    public void Base8_IsEightTimesTheEip2494Generator()
    {
        Assert.That(Generator.InCurve(), Is.True);
        Assert.That(Generator.Multiply(8), Is.EqualTo(BabyJubJubPoint.Base8));
        Assert.That(Generator.Double().Double().Double(), Is.EqualTo(BabyJubJubPoint.Base8));
    }

    [Test]
    public void Base8_IsInThePrimeOrderSubgroup()
    {
        Assert.That(BabyJubJubPoint.Base8.InCurve(), Is.True);
        Assert.That(BabyJubJubPoint.Base8.InSubgroup(), Is.True);
        Assert.That(BabyJubJubPoint.Base8.Multiply(BabyJubJubPoint.SubOrder).IsIdentity, Is.True);
        Assert.That(Generator.InSubgroup(), Is.False, "the full generator has order 8·l");
    }

    [Test]
    public void LowOrderPoint_IsOnCurveButNotInSubgroup()
    {
        BabyJubJubPoint orderTwo = new(Fr.Zero, -Fr.One);
        Assert.That(orderTwo.InCurve(), Is.True);
        Assert.That(orderTwo.InSubgroup(), Is.False);
        Assert.That(orderTwo.Double().IsIdentity, Is.True);
    }

    [Test]
    public void PointOffTheCurve_IsRejected()
    {
        BabyJubJubPoint bogus = new(Fr.FromUInt64(1), Fr.FromUInt64(2));
        Assert.That(bogus.InCurve(), Is.False);
        Assert.That(bogus.InSubgroup(), Is.False);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(12345)]
    public void Multiply_AgreesWithRepeatedAddition(int k)
    {
        BabyJubJubPoint expected = BabyJubJubPoint.Identity;
        for (int i = 0; i < k % 50; i++)
        {
            expected = expected.Add(BabyJubJubPoint.Base8);
        }

        BabyJubJubPoint viaScalar = BabyJubJubPoint.Base8.Multiply(k % 50);
        Assert.That(viaScalar, Is.EqualTo(expected));
        Assert.That(viaScalar.InCurve(), Is.True);
    }

    [Test]
    public void Multiply_IsLinearInTheScalar()
    {
        BigInteger a = BigInteger.Parse("1234567890123456789012345678901234567890");
        BigInteger b = BigInteger.Parse("987654321098765432109876543210");
        BabyJubJubPoint left = BabyJubJubPoint.Base8.Multiply(a + b);
        BabyJubJubPoint right = BabyJubJubPoint.Base8.Multiply(a).Add(BabyJubJubPoint.Base8.Multiply(b));
        Assert.That(left, Is.EqualTo(right));
        Assert.That(BabyJubJubPoint.Base8.Multiply(a).Add(BabyJubJubPoint.Base8.Multiply(a).Negate()).IsIdentity, Is.True);
    }

    [Test]
    public void Multiply_NegativeScalar_Throws() =>
        Assert.That(() => BabyJubJubPoint.Base8.Multiply(BigInteger.MinusOne), Throws.TypeOf<ArgumentOutOfRangeException>());

    private static IEnumerable<TestCaseData> PeerPublicKeys()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("semaphore_identities.json");
        foreach (JsonElement id in doc.RootElement.GetProperty("identities").EnumerateArray())
        {
            string[] pk = id.GetProperty("publicKey").EnumerateArray().Select(e => e.GetString()!).ToArray();
            yield return new TestCaseData(pk[0], pk[1], id.GetProperty("packedPublicKey").GetString()!);
        }
    }

    [TestCaseSource(nameof(PeerPublicKeys))]
    public void Pack_MatchesZkKitAndRoundTrips(string x, string y, string packed)
    {
        BabyJubJubPoint point = new(Fr.Parse(x), Fr.Parse(y));
        Assert.That(point.Pack().ToString(), Is.EqualTo(packed));
        Assert.That(BabyJubJubPoint.Unpack(BigInteger.Parse(packed)), Is.EqualTo(point));
        Assert.That(BabyJubJubPoint.Unpack(point.Negate().Pack()), Is.EqualTo(point.Negate()));
    }

    [Test]
    public void Unpack_InvalidEncodings_AreRejected()
    {
        // y = r (not canonical) and a y with no matching x.
        byte[] notCanonical = Fr.Modulus.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref notCanonical, 32);
        Assert.That(BabyJubJubPoint.TryUnpack(notCanonical, out _), Is.False);
        Assert.That(BabyJubJubPoint.TryUnpack(new byte[31], out _), Is.False);

        int rejected = 0;
        for (ulong y = 2; y < 40; y++)
        {
            byte[] bytes = new byte[32];
            Fr.FromUInt64(y).ToBytesLittleEndian(bytes);
            if (!BabyJubJubPoint.TryUnpack(bytes, out BabyJubJubPoint p))
            {
                rejected++;
            }
            else
            {
                Assert.That(p.InCurve(), Is.True);
            }
        }

        Assert.That(rejected, Is.GreaterThan(0), "about half of all y values have no point");
        Assert.That(() => BabyJubJubPoint.Unpack(BigInteger.MinusOne), Throws.TypeOf<FormatException>());
    }
}
