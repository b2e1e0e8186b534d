namespace TrustChain.Zk.Setup;

/// <summary>
/// ffjavascript's ChaCha20 block RNG (8-word seed, 64-bit block counter in words 12–15, nonce zero). snarkjs derives
/// the phase-2 G2 point sp from the transcript with it, so verifying a contribution needs the exact same stream.
/// </summary>
public sealed class FfjsChaCha
{
    private readonly uint[] _state = new uint[16];
    private readonly uint[] _block = new uint[16];
    private int _index = 16;

    /// <exception cref="ArgumentException">The seed is not 8 words.</exception>
    public FfjsChaCha(ReadOnlySpan<uint> seed)
    {
        if (seed.Length != 8)
        {
            throw new ArgumentException($"The ChaCha seed is 8 words, got {seed.Length}.", nameof(seed));
        }

        _state[0] = 0x61707865;
        _state[1] = 0x3320646E;
        _state[2] = 0x79622D32;
        _state[3] = 0x6B206574;
        seed.CopyTo(_state.AsSpan(4));
    }

    /// <summary>Seeds with the first 32 bytes of a hash read as eight big-endian words (snarkjs hashToG2).</summary>
    public static FfjsChaCha FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length < 32)
        {
            throw new ArgumentException($"The seed hash needs 32 bytes, got {hash.Length}.", nameof(hash));
        }

        Span<uint> seed = stackalloc uint[8];
        for (int i = 0; i < 8; i++)
        {
            seed[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash[(4 * i)..]);
        }

        return new FfjsChaCha(seed);
    }

    public uint NextUInt32()
    {
        if (_index == 16)
        {
            Refill();
        }

        return _block[_index++];
    }

    /// <summary>High word first, as ffjavascript's nextU64.</summary>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    public bool NextBool() => (NextUInt32() & 1) == 1;

    private void Refill()
    {
        _state.CopyTo(_block, 0);
        for (int i = 0; i < 10; i++)
        {
            QuarterRound(0, 4, 8, 12);
            QuarterRound(1, 5, 9, 13);
            QuarterRound(2, 6, 10, 14);
            QuarterRound(3, 7, 11, 15);
            QuarterRound(0, 5, 10, 15);
            QuarterRound(1, 6, 11, 12);
            QuarterRound(2, 7, 8, 13);
            QuarterRound(3, 4, 9, 14);
        }

        for (int i = 0; i < 16; i++)
        {
            _block[i] += _state[i];
        }

        _index = 0;
        for (int i = 12; i < 16; i++)
        {
            if (++_state[i] != 0)
            {
                break;
            }
        }
    }

    private void QuarterRound(int a, int b, int c, int d)
    {
        uint[] s = _block;
        s[a] += s[b];
        s[d] = uint.RotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = uint.RotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = uint.RotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = uint.RotateLeft(s[b] ^ s[c], 7);
    }
}
