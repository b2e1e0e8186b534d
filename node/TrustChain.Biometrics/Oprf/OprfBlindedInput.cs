using System.Numerics;
using TrustChain.Biometrics.Lsh;

namespace TrustChain.Biometrics.Oprf;

/// <summary>Client state between Blind and Finalize: the input, the secret blind r and B = r·H2C(x) (sent to provers).</summary>
public sealed class OprfBlindedInput
{
    private BigInteger? _unblind;

    internal OprfBlindedInput(BandInput input, BigInteger blind, byte[] blindedElement)
    {
        Input = input;
        Blind = blind;
        BlindedElement = blindedElement;
    }

    /// <param name="unblind">r⁻¹ mod n, already known (batch inversion in <see cref="OprfClient.BlindMany"/>).</param>
    internal OprfBlindedInput(BandInput input, BigInteger blind, BigInteger unblind, byte[] blindedElement)
        : this(input, blind, blindedElement)
    {
        _unblind = unblind;
    }

    public BandInput Input { get; }

    internal BigInteger Blind { get; }

    /// <summary>r⁻¹ mod n; a modular inversion costs more than a point multiplication, so it is done once and kept.</summary>
    internal BigInteger Unblind => _unblind ??= Secp256k1Scalar.Inverse(Blind);

    public byte[] BlindedElement { get; }
}
