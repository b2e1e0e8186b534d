using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// Try-and-increment hash to secp256k1: x = Keccak("TrustChain/palm/oprf/h2c/v1" ‖ input ‖ counter u8) for
/// counter = 0, 1, … until 0x02‖x parses as a compressed point (x &lt; p and x³+7 a square; ~2 tries on average).
/// Simple and deterministic; not constant-time, which leaks only on the scanner (the prover sees blinded points).
/// SSWU (RFC 9380's secp256k1_XMD:SHA-256_SSWU_RO_) would need field arithmetic libsecp256k1 does not export.
/// </summary>
public static class HashToCurve
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("TrustChain/palm/oprf/h2c/v1");

    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var hasher = new KeccakHasher();
        Span<byte> compressed = stackalloc byte[Secp256k1.CompressedPublicKeyLength];
        Span<byte> counter = stackalloc byte[1];
        byte[] point = new byte[CurvePoint.Length];
        compressed[0] = 0x02;
        for (int c = 0; c < 256; c++)
        {
            hasher.Reset();
            hasher.Update(Domain);
            hasher.Update(input);
            counter[0] = (byte)c;
            hasher.Update(counter);
            hasher.Finish(compressed[1..]);
            if (Secp256k1.TryParsePublicKey(compressed, point))
            {
                return point;
            }
        }

        throw new OprfException("Hash-to-curve found no point in 256 tries (probability 2^-256).");
    }
}
