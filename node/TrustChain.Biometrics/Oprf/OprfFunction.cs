using System.Text;
using TrustChain.Biometrics.Lsh;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// The PRF itself (2HashDH): F_k(x) = Keccak("TrustChain/palm/oprf/tag/v1" ‖ x ‖ k·H2C(x)), where x is the
/// band encoding (band index, bit count, value). The protocol computes this without the client learning k or the
/// servers learning x.
/// </summary>
public static class OprfFunction
{
    private static readonly byte[] TagDomain = Encoding.ASCII.GetBytes("TrustChain/palm/oprf/tag/v1");

    /// <summary>Direct evaluation with the whole key (only the dealer or a test holds it).</summary>
    public static Hash256 Evaluate(ReadOnlySpan<byte> key32, in BandInput input)
    {
        var key = Secp256k1Scalar.FromBytesNonZero(key32, "OPRF key");
        byte[] encoded = input.Encode();
        return Tag(encoded, CurvePoint.Multiply(HashToCurve.Hash(encoded), key));
    }

    internal static Hash256 Tag(ReadOnlySpan<byte> encodedInput, ReadOnlySpan<byte> unblinded)
    {
        var hasher = new KeccakHasher();
        hasher.Update(TagDomain);
        hasher.Update(encodedInput);
        hasher.Update(unblinded);
        return hasher.Finish();
    }
}
