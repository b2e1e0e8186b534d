using System.Numerics;

namespace TrustChain.Biometrics.Oprf;

/// <summary>A prover node's Shamir share k_i = f(i) of the OPRF key, with its registered public share k_i·G.</summary>
public sealed class OprfKeyShare
{
    private readonly byte[] _secret;
    private readonly byte[] _publicShare;

    public OprfKeyShare(int index, ReadOnlySpan<byte> secret32)
    {
        if (index < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Share indices start at 1 (f(0) is the key).");
        }

        Scalar = Secp256k1Scalar.FromBytesNonZero(secret32, "Key share");
        Index = index;
        _secret = secret32.ToArray();
        _publicShare = CurvePoint.MultiplyGenerator(Scalar);
    }

    public int Index { get; }

    internal BigInteger Scalar { get; }

    public ReadOnlySpan<byte> Secret => _secret;

    public ReadOnlySpan<byte> PublicShare => _publicShare;
}
