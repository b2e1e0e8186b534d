using System.Numerics;

namespace TrustChain.Chain.Specs;

/// <summary>Curve membership check for 33-byte compressed secp256k1 keys read from the chain spec (cold path).</summary>
internal static class CompressedPublicKey
{
    private static readonly BigInteger P = BigInteger.Parse(
        "115792089237316195423570985008687907853269984665640564039457584007908834671663",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when x is a field element and x³ + 7 is a square mod p, i.e. some (x, y) lies on the curve.</summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> compressed33)
    {
        if (compressed33.Length != 33 || (compressed33[0] != 0x02 && compressed33[0] != 0x03))
        {
            return false;
        }

        var x = new BigInteger(compressed33[1..], isUnsigned: true, isBigEndian: true);
        if (x >= P)
        {
            return false;
        }

        BigInteger rhs = (BigInteger.ModPow(x, 3, P) + 7) % P;
        // p ≡ 3 (mod 4), so a square root is rhs^((p+1)/4) whenever one exists.
        BigInteger y = BigInteger.ModPow(rhs, (P + 1) / 4, P);
        return y * y % P == rhs;
    }
}
