using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tendermint;

/// <summary>Recovers the signer of a 65-byte consensus signature; rejects malformed and high-S (malleable) signatures.</summary>
public static class SignatureVerifier
{
    public static Address? RecoverSigner(in Hash256 message, ReadOnlySpan<byte> signature65)
    {
        if (signature65.Length != 65)
        {
            return null;
        }

        EcdsaSignature parsed;
        try
        {
            parsed = EcdsaSignature.FromBytes65(signature65);
        }
        catch (FormatException)
        {
            return null;
        }

        return parsed.IsLowS && parsed.HasValidRS ? parsed.RecoverAddress(message) : null;
    }
}
