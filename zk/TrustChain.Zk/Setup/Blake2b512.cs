using System.Buffers.Binary;
using System.Numerics;

namespace TrustChain.Zk.Setup;

/// <summary>
/// Incremental BLAKE2b with a 64-byte digest, no key, no salt or personalisation (RFC 7693) — the hash snarkjs uses
/// for the circuit hash and the phase-2 transcript. Cloneable, because the transcript forks the running hash.
/// </summary>
public sealed class Blake2b512
{
    public const int DigestLength = 64;
    private const int BlockLength = 128;

    private static readonly ulong[] Iv =
    [
        0x6a09e667f3bcc908UL, 0xbb67ae8584caa73bUL, 0x3c6ef372fe94f82bUL, 0xa54ff53a5f1d36f1UL,
        0x510e527fade682d1UL, 0x9b05688c2b3e6c1fUL, 0x1f83d9abfb41bd6bUL, 0x5be0cd19137e2179UL,
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
    private readonly byte[] _buffer = new byte[BlockLength];
    private int _bufferLength;
    private ulong _counter;

    public Blake2b512()
    {
        Iv.CopyTo(_h, 0);
        _h[0] ^= 0x01010000UL ^ DigestLength;
    }

    private Blake2b512(Blake2b512 other)
    {
        other._h.CopyTo(_h, 0);
        other._buffer.CopyTo(_buffer, 0);
        _bufferLength = other._bufferLength;
        _counter = other._counter;
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        Blake2b512 h = new();
        h.Update(data);
        return h.Digest();
    }

    public Blake2b512 Clone() => new(this);

    public void Update(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            // The last block must be compressed with the final flag, so a full buffer is only flushed when more data follows.
            if (_bufferLength == BlockLength)
            {
                _counter += BlockLength;
                Compress(_buffer, false);
                _bufferLength = 0;
            }

            int take = Math.Min(BlockLength - _bufferLength, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_bufferLength));
            _bufferLength += take;
            data = data[take..];
        }
    }

    /// <summary>Finishes a copy of the state, so the hasher can keep absorbing afterwards.</summary>
    public byte[] Digest()
    {
        Blake2b512 final = Clone();
        final._counter += (ulong)final._bufferLength;
        Array.Clear(final._buffer, final._bufferLength, BlockLength - final._bufferLength);
        final.Compress(final._buffer, true);
        byte[] output = new byte[DigestLength];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(i * 8), final._h[i]);
        }

        return output;
    }

    private void Compress(ReadOnlySpan<byte> block, bool last)
    {
        Span<ulong> m = stackalloc ulong[16];
        Span<ulong> v = stackalloc ulong[16];
        for (int i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        _h.CopyTo(v);
        Iv.CopyTo(v[8..]);
        v[12] ^= _counter;
        if (last)
        {
            v[14] = ~v[14];
        }

        for (int r = 0; r < 12; r++)
        {
            ReadOnlySpan<byte> s = Sigma.AsSpan((r % 10) * 16, 16);
            G(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            G(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            G(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            G(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            G(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            G(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            G(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            G(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }

        for (int i = 0; i < 8; i++)
        {
            _h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
