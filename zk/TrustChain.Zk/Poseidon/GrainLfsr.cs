using System.Numerics;

namespace TrustChain.Zk.Poseidon;

/// <summary>
/// The 80-bit Grain LFSR in self-shrinking mode from the Poseidon reference (generate_parameters_grain),
/// which is where circomlib's round constants and MDS matrices come from.
/// </summary>
internal sealed class GrainLfsr
{
    private const int StateBits = 80;
    private readonly byte[] _state = new byte[StateBits];
    private int _head;

    /// <param name="field">1 = prime field.</param>
    /// <param name="sbox">0 = x^alpha.</param>
    public GrainLfsr(int field, int sbox, int fieldBits, int width, int fullRounds, int partialRounds)
    {
        int position = 0;
        Append(field, 2, ref position);
        Append(sbox, 4, ref position);
        Append(fieldBits, 12, ref position);
        Append(width, 12, ref position);
        Append(fullRounds, 10, ref position);
        Append(partialRounds, 10, ref position);
        while (position < StateBits)
        {
            _state[position++] = 1;
        }

        for (int i = 0; i < 160; i++)
        {
            Clock();
        }
    }

    /// <summary>Next <paramref name="bits"/> output bits, most significant first.</summary>
    public BigInteger NextBits(int bits)
    {
        // Bits are packed big-endian into bytes, right-aligned, so one BigInteger is built per draw.
        int byteCount = (bits + 7) / 8;
        Span<byte> bytes = stackalloc byte[byteCount];
        bytes.Clear();
        int position = byteCount * 8 - bits;
        for (int i = 0; i < bits; i++, position++)
        {
            if (NextBit() == 1)
            {
                bytes[position >> 3] |= (byte)(0x80 >> (position & 7));
            }
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Rejection-samples a value below <paramref name="modulus"/> from <paramref name="bits"/>-bit draws.</summary>
    public BigInteger NextBelow(BigInteger modulus, int bits)
    {
        BigInteger value;
        do
        {
            value = NextBits(bits);
        }
        while (value >= modulus);

        return value;
    }

    private int NextBit()
    {
        // Self-shrinking: of each pair of LFSR bits, the second is output only when the first is 1.
        while (true)
        {
            int select = Clock();
            int bit = Clock();
            if (select == 1)
            {
                return bit;
            }
        }
    }

    private int Clock()
    {
        // Taps b0, b13, b23, b38, b51, b62 of the sequence, relative to the oldest bit.
        int bit = _state[_head] ^ _state[(_head + 13) % StateBits] ^ _state[(_head + 23) % StateBits]
                  ^ _state[(_head + 38) % StateBits] ^ _state[(_head + 51) % StateBits] ^ _state[(_head + 62) % StateBits];
        _state[_head] = (byte)bit;
        _head = (_head + 1) % StateBits;
        return bit;
    }

    private void Append(int value, int width, ref int position)
    {
        for (int i = width - 1; i >= 0; i--)
        {
            _state[position++] = (byte)((value >> i) & 1);
        }
    }
}
