namespace TrustChain.Core.Crypto;

/// <summary>One-shot Ethereum Keccak-256.</summary>
public static class Keccak256
{
    /// <summary>Keccak-256 of the empty input.</summary>
    public static readonly Hash256 OfEmpty = Compute(ReadOnlySpan<byte>.Empty);

    /// <summary>Keccak-256 of RLP("") (0x80), the conventional empty-trie/empty-list root.</summary>
    public static readonly Hash256 OfEmptyRlpString = Compute([0x80]);

    public static Hash256 Compute(ReadOnlySpan<byte> input)
    {
        Span<byte> output = stackalloc byte[32];
        Compute(input, output);
        return new Hash256(output);
    }

    public static void Compute(ReadOnlySpan<byte> input, Span<byte> output32) => Compute(input, output32, 0x01);

    internal static void Compute(ReadOnlySpan<byte> input, Span<byte> output32, byte padding)
    {
        if (output32.Length < 32)
        {
            throw new ArgumentException("Output must be at least 32 bytes.", nameof(output32));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (input.Length >= KeccakHasher.RateBytes)
        {
            KeccakHasher.AbsorbBlock(state, input[..KeccakHasher.RateBytes]);
            input = input[KeccakHasher.RateBytes..];
        }

        Span<byte> last = stackalloc byte[KeccakHasher.RateBytes];
        last.Clear();
        input.CopyTo(last);
        last[input.Length] ^= padding;
        last[KeccakHasher.RateBytes - 1] ^= 0x80;
        KeccakHasher.AbsorbBlock(state, last);
        KeccakHasher.Squeeze(state, output32);
    }
}
