using System.Numerics;
using TrustChain.Biometrics.Lsh;

namespace TrustChain.Biometrics.Oprf;

/// <summary>Client state between Blind and Finalize: the input, the secret blind r and B = r·H2C(x) (sent to provers).</summary>
public sealed class OprfBlindedInput
{
    internal OprfBlindedInput(BandInput input, BigInteger blind, byte[] blindedElement)
    {
        Input = input;
        Blind = blind;
        BlindedElement = blindedElement;
    }

    public BandInput Input { get; }

    internal BigInteger Blind { get; }

    public byte[] BlindedElement { get; }
}
