using System.Buffers.Binary;

namespace TrustChain.Core.Rlp;

/// <summary>
/// Writes canonical RLP into a caller-sized span (see <see cref="Rlp"/> for the length helpers).
/// To write into an <c>IBufferWriter&lt;byte&gt;</c>: <c>GetSpan(len)</c>, write, then <c>Advance(len)</c>.
/// </summary>
public ref struct RlpWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    public RlpWriter(Span<byte> destination)
    {
        _destination = destination;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _destination.Length - _position;

    public readonly bool IsFull => _position == _destination.Length;

    public readonly ReadOnlySpan<byte> Written => _destination[.._position];

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            Reserve(1)[0] = bytes[0];
            return;
        }

        WriteHeader(0x80, bytes.Length);
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Null writes the empty string.</summary>
    public void WriteBytes(byte[]? bytes) => WriteBytes(bytes is null ? ReadOnlySpan<byte>.Empty : bytes.AsSpan());

    public void WriteListHeader(int contentLength) => WriteHeader(0xC0, contentLength);

    /// <summary>Copies an already RLP-encoded item verbatim.</summary>
    public void WriteEncoded(scoped ReadOnlySpan<byte> encoded) => encoded.CopyTo(Reserve(encoded.Length));

    public void WriteUInt64(ulong value)
    {
        if (value == 0)
        {
            Reserve(1)[0] = 0x80;
            return;
        }

        if (value < 0x80)
        {
            Reserve(1)[0] = (byte)value;
            return;
        }

        int count = Rlp.ByteCount(value);
        Span<byte> target = Reserve(1 + count);
        target[0] = (byte)(0x80 + count);
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        buffer[(8 - count)..].CopyTo(target[1..]);
    }

    public void WriteUInt256(in UInt256 value)
    {
        if (value.IsUInt64)
        {
            WriteUInt64(value.U0);
            return;
        }

        int count = value.ByteLength;
        Span<byte> target = Reserve(1 + count);
        target[0] = (byte)(0x80 + count);
        value.WriteBigEndianTrimmed(target[1..]);
    }

    public void WriteAddress(in Address address) => WriteBytes(address.Bytes);

    /// <summary>Null (contract creation) is written as the empty string.</summary>
    public void WriteAddress(Address? address)
    {
        if (address is { } a)
        {
            WriteBytes(a.Bytes);
        }
        else
        {
            Reserve(1)[0] = 0x80;
        }
    }

    public void WriteHash(in Hash256 hash) => WriteBytes(hash.Bytes);

    private void WriteHeader(byte offset, int contentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contentLength);
        if (contentLength < 56)
        {
            Reserve(1)[0] = (byte)(offset + contentLength);
            return;
        }

        int count = Rlp.ByteCount((ulong)contentLength);
        Span<byte> target = Reserve(1 + count);
        target[0] = (byte)(offset + 55 + count);
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)contentLength);
        buffer[(4 - count)..].CopyTo(target[1..]);
    }

    private Span<byte> Reserve(int count)
    {
        if (_position + count > _destination.Length)
        {
            throw new InvalidOperationException(
                $"RLP destination too small: need {_position + count} bytes, have {_destination.Length} (length pre-computation mismatch).");
        }

        Span<byte> span = _destination.Slice(_position, count);
        _position += count;
        return span;
    }
}
