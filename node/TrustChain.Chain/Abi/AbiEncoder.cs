using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;
using TrustChain.Core;

namespace TrustChain.Chain.Abi;

/// <summary>
/// Standard (non-packed) Solidity ABI encoding. The exact size is computed first so each call allocates one zeroed
/// buffer and writes heads and tails straight into it; zero padding comes from the fresh buffer.
/// </summary>
public static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) => Encode([], types, values);

    public static byte[] Encode(AbiType type, object? value) => Encode([], [type], [value]);

    /// <summary><paramref name="prefix"/> ‖ abi(values): a 4-byte selector for calls and custom errors.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> prefix, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"expected {types.Count} values, got {values.Count}");
        }

        IList items = values as IList ?? values.ToArray();
        int size = prefix.Length + SequenceSize(null, types, items);
        byte[] buffer = new byte[size];
        prefix.CopyTo(buffer);
        int end = WriteSequence(buffer, prefix.Length, null, types, items);
        return end == size ? buffer : throw new InvalidOperationException("ABI size computation disagrees with the writer.");
    }

    /// <summary>
    /// The 32-byte topic of an indexed event parameter: the value's word when static, else keccak of its in-place
    /// encoding (bytes/string contents; arrays and tuples as their padded elements without lengths or offsets).
    /// </summary>
    public static Hash256 EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.String:
                return TrustChain.Core.Crypto.Keccak256.Compute(type.Kind == AbiTypeKind.String
                    ? Utf8(type, AbiValueConverter.ToText(type, value))
                    : AbiValueConverter.ToBytes(type, value));
            case AbiTypeKind.Array:
            case AbiTypeKind.FixedArray:
            case AbiTypeKind.Tuple:
            {
                using MemoryStream stream = new();
                WriteInPlace(stream, type, value);
                return TrustChain.Core.Crypto.Keccak256.Compute(stream.GetBuffer().AsSpan(0, (int)stream.Length));
            }

            default:
            {
                Span<byte> word = stackalloc byte[32];
                word.Clear();
                WriteWord(word, type, value);
                return new Hash256(word);
            }
        }
    }

    internal static int Pad32(int length) => checked((length + 31) & ~31);

    private static int SequenceSize(AbiType? element, IReadOnlyList<AbiType>? components, IList items)
    {
        int size = 0;
        for (int i = 0; i < items.Count; i++)
        {
            AbiType type = element ?? components![i];
            size = checked(size + type.HeadSize);
            if (type.IsDynamic)
            {
                size = checked(size + TailSize(type, items[i]));
            }
        }

        return size;
    }

    private static int TailSize(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.Bytes => checked(32 + Pad32(AbiValueConverter.ToBytes(type, value).Length)),
        AbiTypeKind.String => checked(32 + Pad32(Utf8Length(type, value))),
        AbiTypeKind.Array => checked(32 + SequenceSize(type.Element, null, AbiValueConverter.ToList(type, value, null))),
        AbiTypeKind.FixedArray => SequenceSize(type.Element, null, AbiValueConverter.ToList(type, value, type.Length)),
        _ => SequenceSize(null, type.Components, AbiValueConverter.ToList(type, value, type.Components.Count)),
    };

    private static int WriteSequence(byte[] buffer, int start, AbiType? element, IReadOnlyList<AbiType>? components, IList items)
    {
        int head = start;
        int tail = start;
        for (int i = 0; i < items.Count; i++)
        {
            tail += (element ?? components![i]).HeadSize;
        }

        for (int i = 0; i < items.Count; i++)
        {
            AbiType type = element ?? components![i];
            if (type.IsDynamic)
            {
                BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(head + 24, 8), (ulong)(tail - start));
                tail = WriteDynamic(buffer, tail, type, items[i]);
            }
            else
            {
                WriteStatic(buffer, head, type, items[i]);
            }

            head += type.HeadSize;
        }

        return tail;
    }

    private static void WriteStatic(byte[] buffer, int position, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.FixedArray:
                WriteSequence(buffer, position, type.Element, null, AbiValueConverter.ToList(type, value, type.Length));
                break;
            case AbiTypeKind.Tuple:
                WriteSequence(buffer, position, null, type.Components, AbiValueConverter.ToList(type, value, type.Components.Count));
                break;
            default:
                WriteWord(buffer.AsSpan(position, 32), type, value);
                break;
        }
    }

    private static int WriteDynamic(byte[] buffer, int position, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            {
                ReadOnlySpan<byte> bytes = AbiValueConverter.ToBytes(type, value);
                BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(position + 24, 8), (ulong)bytes.Length);
                bytes.CopyTo(buffer.AsSpan(position + 32));
                return position + 32 + Pad32(bytes.Length);
            }

            case AbiTypeKind.String:
            {
                string text = AbiValueConverter.ToText(type, value);
                int written;
                try
                {
                    written = StrictUtf8.GetBytes(text, buffer.AsSpan(position + 32));
                }
                catch (EncoderFallbackException e)
                {
                    throw new AbiException("string contains an unpaired surrogate and has no UTF-8 encoding", e);
                }

                BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(position + 24, 8), (ulong)written);
                return position + 32 + Pad32(written);
            }

            case AbiTypeKind.Array:
            {
                IList items = AbiValueConverter.ToList(type, value, null);
                BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(position + 24, 8), (ulong)items.Count);
                return WriteSequence(buffer, position + 32, type.Element, null, items);
            }

            case AbiTypeKind.FixedArray:
                return WriteSequence(buffer, position, type.Element, null, AbiValueConverter.ToList(type, value, type.Length));
            default:
                return WriteSequence(buffer, position, null, type.Components, AbiValueConverter.ToList(type, value, type.Components.Count));
        }
    }

    private static void WriteWord(Span<byte> word, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                AbiValueConverter.ToUnsigned(type, value).ToBigEndian(word);
                break;
            case AbiTypeKind.Int:
                WriteSigned(word, AbiValueConverter.ToSigned(type, value));
                break;
            case AbiTypeKind.Address:
                AbiValueConverter.ToAddress(type, value).CopyTo(word[12..]);
                break;
            case AbiTypeKind.Bool:
                word[31] = AbiValueConverter.ToBool(type, value) ? (byte)1 : (byte)0;
                break;
            case AbiTypeKind.FixedBytes:
            {
                ReadOnlySpan<byte> bytes = AbiValueConverter.ToBytes(type, value);
                if (bytes.Length != type.Size)
                {
                    throw new AbiException($"{type} expects exactly {type.Size} bytes, got {bytes.Length}");
                }

                bytes.CopyTo(word);
                break;
            }

            default:
                throw new AbiException($"{type} is not a single-word type");
        }
    }

    private static void WriteSigned(Span<byte> word, BigInteger value)
    {
        Span<byte> minimal = stackalloc byte[33];
        value.TryWriteBytes(minimal, out int written, isUnsigned: false, isBigEndian: true);
        word.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        minimal[..written].CopyTo(word[(32 - written)..]);
    }

    // Solidity's in-place encoding for indexed reference types: every element padded to 32 bytes, no lengths, no offsets.
    private static void WriteInPlace(MemoryStream stream, AbiType type, object? value)
    {
        Span<byte> word = stackalloc byte[32];
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.String:
            {
                ReadOnlySpan<byte> bytes = type.Kind == AbiTypeKind.String
                    ? Utf8(type, AbiValueConverter.ToText(type, value))
                    : AbiValueConverter.ToBytes(type, value);
                stream.Write(bytes);
                word.Clear();
                stream.Write(word[..(Pad32(bytes.Length) - bytes.Length)]);
                break;
            }

            case AbiTypeKind.Array:
            case AbiTypeKind.FixedArray:
                foreach (object? item in AbiValueConverter.ToList(type, value, type.Kind == AbiTypeKind.FixedArray ? type.Length : null))
                {
                    WriteInPlace(stream, type.Element!, item);
                }

                break;
            case AbiTypeKind.Tuple:
            {
                IList fields = AbiValueConverter.ToList(type, value, type.Components.Count);
                for (int i = 0; i < fields.Count; i++)
                {
                    WriteInPlace(stream, type.Components[i], fields[i]);
                }

                break;
            }

            default:
                word.Clear();
                WriteWord(word, type, value);
                stream.Write(word);
                break;
        }
    }

    private static int Utf8Length(AbiType type, object? value)
    {
        try
        {
            return StrictUtf8.GetByteCount(AbiValueConverter.ToText(type, value));
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiException("string contains an unpaired surrogate and has no UTF-8 encoding", e);
        }
    }

    private static byte[] Utf8(AbiType type, string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiException($"{type} value contains an unpaired surrogate and has no UTF-8 encoding", e);
        }
    }
}
