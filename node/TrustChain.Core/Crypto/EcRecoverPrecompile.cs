namespace TrustChain.Core.Crypto;

/// <summary>
/// The ecrecover precompile (0x01): input hash(32) || v(32) || r(32) || s(32), right-padded with zeros when short.
/// Returns the 32-byte left-padded address, or empty output when the input is not a valid signature.
/// </summary>
public static class EcRecoverPrecompile
{
    public const long GasCost = 3000;

    public static byte[] Run(ReadOnlySpan<byte> input)
    {
        Span<byte> padded = stackalloc byte[128];
        padded.Clear();
        input[..Math.Min(input.Length, 128)].CopyTo(padded);

        // v is a full 32-byte word that must equal 27 or 28.
        ReadOnlySpan<byte> vWord = padded[32..64];
        if (vWord[..31].ContainsAnyExcept((byte)0) || (vWord[31] != 27 && vWord[31] != 28))
        {
            return [];
        }

        EcdsaSignature signature = new(new UInt256(padded[64..96]), new UInt256(padded[96..128]), (byte)(vWord[31] - 27));
        Address? signer = Ecdsa.EcRecover(new Hash256(padded[..32]), signature);
        return signer is { } address ? address.ToWord32() : [];
    }
}
