using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TrustChain.Core.Crypto;

/// <summary>
/// Incremental Keccak-256 (Ethereum variant: 0x01 domain padding, not NIST SHA3's 0x06).
/// Lets callers hash several pieces without concatenating them first. Not thread-safe.
/// </summary>
public sealed class KeccakHasher
{
    public const int RateBytes = 136;
    public const int HashBytes = 32;

    private readonly ulong[] _state = new ulong[25];
    private readonly byte[] _buffer = new byte[RateBytes];
    private readonly byte _padding;
    private int _buffered;
    private bool _finished;

    public KeccakHasher() : this(0x01)
    {
    }

    /// <summary>The padding byte selects the domain: 0x01 = Keccak (Ethereum), 0x06 = SHA3 (used to cross-check in tests).</summary>
    internal KeccakHasher(byte padding)
    {
        _padding = padding;
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        if (_finished)
        {
            throw new InvalidOperationException("KeccakHasher already finished; call Reset() before reuse.");
        }

        if (_buffered > 0)
        {
            int take = Math.Min(RateBytes - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < RateBytes)
            {
                return;
            }

            AbsorbBlock(_state, _buffer);
            _buffered = 0;
        }

        while (data.Length >= RateBytes)
        {
            AbsorbBlock(_state, data[..RateBytes]);
            data = data[RateBytes..];
        }

        if (!data.IsEmpty)
        {
            data.CopyTo(_buffer);
            _buffered = data.Length;
        }
    }

    public void Finish(Span<byte> output32)
    {
        if (output32.Length < HashBytes)
        {
            throw new ArgumentException("Output must be at least 32 bytes.", nameof(output32));
        }

        if (_finished)
        {
            throw new InvalidOperationException("KeccakHasher already finished; call Reset() before reuse.");
        }

        _finished = true;
        Span<byte> block = _buffer;
        block[_buffered..].Clear();
        block[_buffered] ^= _padding;
        block[RateBytes - 1] ^= 0x80;
        AbsorbBlock(_state, block);
        Squeeze(_state, output32);
    }

    public Hash256 Finish()
    {
        Span<byte> output = stackalloc byte[HashBytes];
        Finish(output);
        return new Hash256(output);
    }

    public void Reset()
    {
        Array.Clear(_state);
        _buffered = 0;
        _finished = false;
    }

    internal static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        if (BitConverter.IsLittleEndian)
        {
            ReadOnlySpan<ulong> lanes = MemoryMarshal.Cast<byte, ulong>(block[..RateBytes]);
            for (int i = 0; i < RateBytes / 8; i++)
            {
                state[i] ^= lanes[i];
            }
        }
        else
        {
            for (int i = 0; i < RateBytes / 8; i++)
            {
                state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8, 8));
            }
        }

        KeccakF1600.Permute(state);
    }

    internal static void Squeeze(ReadOnlySpan<ulong> state, Span<byte> output32)
    {
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(i * 8, 8), state[i]);
        }
    }
}
