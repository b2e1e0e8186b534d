using System.Numerics;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

[TestFixture]
public class PairingTests
{
    private static readonly BigInteger Q = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    private static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private static ulong[] Limbs(BigInteger v)
    {
        byte[] b = v.ToByteArray(isUnsigned: true);
        ulong[] l = new ulong[(b.Length + 7) / 8];
        for (int i = 0; i < b.Length; i++)
        {
            l[i / 8] |= (ulong)b[i] << (8 * (i % 8));
        }

        return l;
    }

    [Test]
    public void Pair_OfGenerators_IsNotOne_AndHasOrderR()
    {
        Fq12 e = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Assert.That(e.IsOne, Is.False);
        Assert.That(e.Pow(Limbs(R)).IsOne, Is.True);
    }

    [Test]
    public void Pair_IsBilinear()
    {
        Random rnd = new(3);
        Fr a = Fr.FromRandom(rnd);
        Fr b = Fr.FromRandom(rnd);
        G1Affine p = G1Affine.Generator.Multiply(a).ToAffine();
        G2Affine q = G2Affine.Generator.Multiply(b).ToAffine();
        Fq12 lhs = Pairing.Pair(p, q);
        Span<ulong> ab = stackalloc ulong[4];
        (a * b).ToCanonicalLimbs(ab);
        Fq12 rhs = Pairing.Pair(G1Affine.Generator, G2Affine.Generator).Pow(ab);
        Assert.That(lhs, Is.EqualTo(rhs));
    }

    [Test]
    public void FinalExponentiation_MatchesPlainPower()
    {
        // The hard part yields m·(q^12 − 1)/r with m = 2u(6u² + 3u + 1), as libff and snarkjs do.
        Fq12 f = Pairing.MillerLoop([G1Affine.Generator], [new G2Prepared(G2Affine.Generator)]);
        BigInteger u = Bn254Parameters.U;
        BigInteger exponent = (BigInteger.Pow(Q, 12) - 1) / R * (2 * u * (6 * u * u + 3 * u + 1));
        Assert.That(Pairing.FinalExponentiation(f), Is.EqualTo(f.Pow(Limbs(exponent))));
    }

    [Test]
    public void PairingCheck_AcceptsNegatedPair_AndRejectsOthers()
    {
        G1Affine p = G1Affine.Generator.Multiply(Fr.FromUInt64(7)).ToAffine();
        G2Affine q = G2Affine.Generator.Multiply(Fr.FromUInt64(11)).ToAffine();
        G1Affine p77 = G1Affine.Generator.Multiply(Fr.FromUInt64(77)).ToAffine();
        Assert.That(Pairing.PairingCheck([p, p77.Negate()], [q, G2Affine.Generator]), Is.True);
        Assert.That(Pairing.PairingCheck([p, p77], [q, G2Affine.Generator]), Is.False);
    }
}
