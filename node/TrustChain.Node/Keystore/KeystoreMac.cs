using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.Keystore;

/// <summary>Web3 Secret Storage MAC: keccak256(derivedKey[16..32] || ciphertext).</summary>
internal static class KeystoreMac
{
    public static Hash256 Compute(ReadOnlySpan<byte> derivedKey, ReadOnlySpan<byte> ciphertext)
    {
        byte[] input = new byte[16 + ciphertext.Length];
        derivedKey.Slice(16, 16).CopyTo(input);
        ciphertext.CopyTo(input.AsSpan(16));
        return Keccak256.Compute(input);
    }
}
