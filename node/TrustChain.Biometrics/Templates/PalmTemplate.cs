namespace TrustChain.Biometrics.Templates;

/// <summary>
/// A binary palm code with its validity mask. Bit i lives in word i / 64 at bit i % 64. A mask bit of 1 means the
/// sensor considers the code bit reliable; 0 means occluded/unreliable. Bits past <see cref="BitLength"/> are zero.
/// </summary>
public sealed class PalmTemplate
{
    public const int DefaultBitLength = 2048;

    private readonly ulong[] _bits;
    private readonly ulong[] _mask;

    public PalmTemplate(ulong[] bits, ulong[] mask, int bitLength = DefaultBitLength)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentNullException.ThrowIfNull(mask);
        if (bitLength <= 0 || bitLength % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bitLength), bitLength, "Template length must be a positive multiple of 64 bits.");
        }

        int words = bitLength / 64;
        if (bits.Length != words || mask.Length != words)
        {
            throw new ArgumentException($"A {bitLength}-bit template needs {words} words of bits and of mask, got {bits.Length} and {mask.Length}.");
        }

        BitLength = bitLength;
        _bits = (ulong[])bits.Clone();
        _mask = (ulong[])mask.Clone();
    }

    /// <summary>A template whose every bit is valid.</summary>
    public static PalmTemplate Unmasked(ulong[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ulong[] mask = new ulong[bits.Length];
        Array.Fill(mask, ulong.MaxValue);
        return new PalmTemplate(bits, mask, bits.Length * 64);
    }

    public int BitLength { get; }

    public int WordCount => _bits.Length;

    public ReadOnlySpan<ulong> Bits => _bits;

    public ReadOnlySpan<ulong> Mask => _mask;

    public bool GetBit(int index)
    {
        CheckIndex(index);
        return ((_bits[index >> 6] >> (index & 63)) & 1) != 0;
    }

    public bool IsValid(int index)
    {
        CheckIndex(index);
        return ((_mask[index >> 6] >> (index & 63)) & 1) != 0;
    }

    public int ValidBitCount => PalmHamming.PopCount(_mask);

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)BitLength)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Bit index must be in [0, {BitLength}).");
        }
    }
}
