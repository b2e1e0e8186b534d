using System.Buffers.Binary;
using System.Numerics;

namespace TrustChain.Zk.Hashing;

/// <summary>
/// BLAKE-512 as submitted to the SHA-3 competition (final round, 16 rounds), not BLAKE2. zk-kit's
/// EdDSA-Poseidon derives Baby Jubjub secret scalars and nonces from it. Salt is always zero.
/// </summary>
public sealed class Blake512
{
    public const int HashSize = 64;
    private const int BlockSize = 128;

    private static readonly ulong[] Iv =
    [
        0x6A09E667F3BCC908UL, 0xBB67AE8584CAA73BUL, 0x3C6EF372FE94F82BUL, 0xA54FF53A5F1D36F1UL,
        0x510E527FADE682D1UL, 0x9B05688C2B3E6C1FUL, 0x1F83D9ABFB41BD6BUL, 0x5BE0CD19137E2179UL,
    ];

    // The first digits of pi, as the BLAKE specification defines them.
    private static readonly ulong[] Pi =
    [
        0x243F6A8885A308D3UL, 0x13198A2E03707344UL, 0xA4093822299F31D0UL, 0x082EFA98EC4E6C89UL,
        0x452821E638D01377UL, 0xBE5466CF34E90C6CUL, 0xC0AC29B7C97C50DDUL, 0x3F84D5B5B5470917UL,
        0x9216D5D98979FB1BUL, 0xD1310BA698DFB5ACUL, 0x2FFD72DBD01ADFB7UL, 0xB8E1AFED6A267E96UL,
        0xBA7C9045F12C7F99UL, 0x24A19947B3916CF7UL, 0x0801F2E2858EFC16UL, 0x636920D871574E69UL,
    ];

    private static readonly byte[] Sigma =
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    private readonly ulong[] _h = new ulong[8];
    private readonly byte[] _buffer = new byte[BlockSize];
    private int _buffered;
    // Message length in bits; BLAKE-512 counts up to 2^128 bits, more than any input here can reach.
    private UInt128 _bitLength;
    private bool _finished;

    public Blake512() => Reset();

    public void Reset()
    {
        Iv.CopyTo(_h, 0);
        _buffered = 0;
        _bitLength = 0;
        _finished = false;
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] output = new byte[HashSize];
        Hash(data, output);
        return output;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        Blake512 blake = new();
        blake.Update(data);
        blake.Finish(output);
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        if (_finished)
        {
            throw new InvalidOperationException("BLAKE-512 instance already finished; call Reset() first.");
        }

        while (!data.IsEmpty)
        {
            int take = Math.Min(BlockSize - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            // A full block is only compressed once more data arrives, since the last block is compressed
            // by Finish with the padding rules.
            if (_buffered == BlockSize && !data.IsEmpty)
            {
                _bitLength += BlockSize * 8;
                Compress(_buffer, _bitLength);
                _buffered = 0;
            }
        }
    }

    public void Finish(Span<byte> output)
    {
        if (output.Length < HashSize)
        {
            throw new ArgumentException($"Output must be at least {HashSize} bytes.", nameof(output));
        }

        if (_finished)
        {
            throw new InvalidOperationException("BLAKE-512 instance already finished; call Reset() first.");
        }

        _finished = true;
        UInt128 totalBits = _bitLength + (UInt128)(_buffered * 8);
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);

        if (_buffered == BlockSize)
        {
            Compress(block, totalBits);
            block.Clear();
            // A block made only of padding is compressed with a zero counter.
            block[0] = 0x80;
            block[111] |= 0x01;
            WriteLength(block, totalBits);
            Compress(block, 0);
        }
        else if (_buffered <= 111)
        {
            block[_buffered] = 0x80;
            block[111] |= 0x01;
            WriteLength(block, totalBits);
            Compress(block, totalBits);
        }
        else
        {
            block[_buffered] = 0x80;
            Compress(block, totalBits);
            block.Clear();
            block[111] = 0x01;
            WriteLength(block, totalBits);
            Compress(block, 0);
        }

        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(output[(i * 8)..], _h[i]);
        }
    }

    private static void WriteLength(Span<byte> block, UInt128 bits)
    {
        BinaryPrimitives.WriteUInt64BigEndian(block[112..], (ulong)(bits >> 64));
        BinaryPrimitives.WriteUInt64BigEndian(block[120..], (ulong)bits);
    }

    private void Compress(ReadOnlySpan<byte> block, UInt128 counter)
    {
        Span<ulong> m = stackalloc ulong[16];
        Span<ulong> v = stackalloc ulong[16];
        for (int i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64BigEndian(block[(i * 8)..]);
        }

        ulong t0 = (ulong)counter;
        ulong t1 = (ulong)(counter >> 64);
        _h.AsSpan().CopyTo(v);
        v[8] = Pi[0];
        v[9] = Pi[1];
        v[10] = Pi[2];
        v[11] = Pi[3];
        v[12] = t0 ^ Pi[4];
        v[13] = t0 ^ Pi[5];
        v[14] = t1 ^ Pi[6];
        v[15] = t1 ^ Pi[7];

        for (int round = 0; round < 16; round++)
        {
            ReadOnlySpan<byte> s = Sigma.AsSpan((round % 10) * 16, 16);
            G(v, m, s, 0, 4, 8, 12, 0);
            G(v, m, s, 1, 5, 9, 13, 2);
            G(v, m, s, 2, 6, 10, 14, 4);
            G(v, m, s, 3, 7, 11, 15, 6);
            G(v, m, s, 0, 5, 10, 15, 8);
            G(v, m, s, 1, 6, 11, 12, 10);
            G(v, m, s, 2, 7, 8, 13, 12);
            G(v, m, s, 3, 4, 9, 14, 14);
        }

        for (int i = 0; i < 8; i++)
        {
            _h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void G(Span<ulong> v, ReadOnlySpan<ulong> m, ReadOnlySpan<byte> s, int a, int b, int c, int d, int e)
    {
        v[a] += v[b] + (m[s[e]] ^ Pi[s[e + 1]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 25);
        v[a] += v[b] + (m[s[e + 1]] ^ Pi[s[e]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 11);
    }
}
