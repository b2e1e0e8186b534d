using System.Numerics;

namespace TrustChain.Core.Rlp;

/// <summary>
/// Length pre-computation and small one-shot encoders. The usual pattern: sum the <c>LengthOf</c> values of the
/// items, wrap with <see cref="LengthOfList"/>, allocate (or rent / <c>IBufferWriter.GetSpan</c>) exactly that
/// many bytes and write once with <see cref="RlpWriter"/>.
/// </summary>
public static class Rlp
{
    public const byte EmptyString = 0x80;
    public const byte EmptyList = 0xC0;

    /// <summary>RLP of an empty byte string (0x80).</summary>
    public static ReadOnlySpan<byte> EmptyStringEncoding => [0x80];

    /// <summary>RLP of an empty list (0xc0).</summary>
    public static ReadOnlySpan<byte> EmptyListEncoding => [0xC0];

    /// <summary>Size of the header that prefixes a string or list with <paramref name="contentLength"/> bytes.</summary>
    public static int LengthOfHeader(int contentLength) => contentLength < 56 ? 1 : 1 + ByteCount((ulong)contentLength);

    public static int LengthOf(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : LengthOfHeader(bytes.Length) + bytes.Length;

    public static int LengthOf(byte[]? bytes) => bytes is null ? 1 : LengthOf(bytes.AsSpan());

    public static int LengthOf(ulong value) => value < 0x80 ? 1 : 1 + ByteCount(value);

    public static int LengthOf(long value) =>
        value >= 0 ? LengthOf((ulong)value) : throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are unsigned.");

    public static int LengthOf(in UInt256 value) => value.IsUInt64 ? LengthOf(value.U0) : 1 + value.ByteLength;

    public static int LengthOf(in Address _) => 1 + Address.Length;

    public static int LengthOf(in Hash256 _) => 1 + Hash256.Length;

    /// <summary>Null (contract creation) encodes as the empty string.</summary>
    public static int LengthOf(Address? address) => address is null ? 1 : 1 + Address.Length;

    /// <summary>Total length of a list whose items occupy <paramref name="contentLength"/> bytes.</summary>
    public static int LengthOfList(int contentLength) => LengthOfHeader(contentLength) + contentLength;

    /// <summary>Minimal big-endian byte count of a non-zero value (0 for zero).</summary>
    public static int ByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;

    public static byte[] Encode(ReadOnlySpan<byte> bytes)
    {
        byte[] result = new byte[LengthOf(bytes)];
        RlpWriter writer = new(result);
        writer.WriteBytes(bytes);
        return result;
    }

    public static byte[] Encode(ulong value)
    {
        byte[] result = new byte[LengthOf(value)];
        RlpWriter writer = new(result);
        writer.WriteUInt64(value);
        return result;
    }

    public static byte[] Encode(in UInt256 value)
    {
        byte[] result = new byte[LengthOf(value)];
        RlpWriter writer = new(result);
        writer.WriteUInt256(value);
        return result;
    }

    /// <summary>Wraps already-encoded items into a list.</summary>
    public static byte[] EncodeList(params ReadOnlySpan<byte[]> encodedItems)
    {
        int content = 0;
        foreach (byte[] item in encodedItems)
        {
            content += item.Length;
        }

        byte[] result = new byte[LengthOfList(content)];
        RlpWriter writer = new(result);
        writer.WriteListHeader(content);
        foreach (byte[] item in encodedItems)
        {
            writer.WriteEncoded(item);
        }

        return result;
    }
}
