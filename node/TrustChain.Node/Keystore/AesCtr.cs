using System.Security.Cryptography;

namespace TrustChain.Node.Keystore;

/// <summary>
/// AES-CTR with a 128-bit big-endian counter starting at the IV, as Web3 Secret Storage specifies. The BCL has no
/// CTR mode, so the keystream is AES-ECB over successive counter blocks.
/// </summary>
public static class AesCtr
{
    private const int BlockSize = 16;

    /// <summary>Encrypts or decrypts (the same operation) <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"AES key must be 16, 24 or 32 bytes, got {key.Length}.", nameof(key));
        }

        if (iv.Length != BlockSize)
        {
            throw new ArgumentException($"AES-CTR IV must be {BlockSize} bytes, got {iv.Length}.", nameof(iv));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("Output is shorter than the input.", nameof(output));
        }

        using Aes aes = Aes.Create();
        aes.Key = key.ToArray();
        int blocks = (input.Length + BlockSize - 1) / BlockSize;
        byte[] counters = new byte[blocks * BlockSize];
        Span<byte> counter = stackalloc byte[BlockSize];
        iv.CopyTo(counter);
        for (int i = 0; i < blocks; i++)
        {
            counter.CopyTo(counters.AsSpan(i * BlockSize));
            Increment(counter);
        }

        byte[] keystream = aes.EncryptEcb(counters, PaddingMode.None);
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
    }

    private static void Increment(Span<byte> counter)
    {
        for (int i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
