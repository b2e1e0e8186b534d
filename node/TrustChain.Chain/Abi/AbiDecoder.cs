using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using TrustChain.Core;

namespace TrustChain.Chain.Abi;

/// <summary>
/// Strict decoder for untrusted ABI data, rejecting what Solidity's ABI decoder v2 rejects: offsets and lengths that
/// point past the data, and dirty bits in address/bool/uintN/intN/bytesN words. Array lengths are capped by the bytes
/// that remain, and the total decoded size by the input size (a canonical encoding never reuses a region, so
/// overlapping offsets cannot inflate a few kilobytes of calldata into gigabytes of objects).
/// Values: uintN → UInt256, intN → BigInteger, address → Address, bool → bool, bytesN/bytes → byte[],
/// string → string, T[]/T[k]/tuples → object[]. Trailing bytes after the encoding are ignored, as Solidity does.
/// </summary>
public static class AbiDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        Reader reader = new(data);
        object[] values = new object[types.Count];
        int head = 0;
        for (int i = 0; i < values.Length; i++)
        {
            try
            {
                values[i] = reader.ReadField(0, head, types[i]);
            }
            catch (AbiException e)
            {
                throw new AbiException($"argument {i} ({types[i]}): {e.Message}", e);
            }

            head += types[i].HeadSize;
        }

        return values;
    }

    public static object Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Reads word <paramref name="index"/> as a uint256 without allocating; the cheapest path for static arguments.</summary>
    public static UInt256 ReadUInt256(ReadOnlySpan<byte> data, int index)
    {
        int position = checked(index * 32);
        if (index < 0 || data.Length - position < 32)
        {
            throw new AbiException($"data too short: word {index} needs {position + 32} bytes, have {data.Length}");
        }

        return new UInt256(data.Slice(position, 32));
    }

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private long _budget;

        public Reader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _budget = data.Length / 32;
        }

        // A field of a tuple or array whose offsets are relative to `start`, with its head at `head`.
        public object ReadField(int start, int head, AbiType type)
        {
            if (!type.IsDynamic)
            {
                Require(head, type.HeadSize, type);
                return ReadStatic(head, type);
            }

            Require(head, 32, type);
            ulong offset = ReadSmall(head, "offset");
            long target = start + (long)offset;
            if (offset > int.MaxValue || target > _data.Length - 32)
            {
                throw new AbiException($"offset {offset} of {type} points outside the data ({_data.Length} bytes)");
            }

            return ReadDynamic((int)target, type);
        }

        private object ReadStatic(int position, AbiType type)
        {
            switch (type.Kind)
            {
                case AbiTypeKind.FixedArray:
                    return ReadSequence(position, type.Length, type.Element!, null);
                case AbiTypeKind.Tuple:
                    return ReadSequence(position, type.Components.Count, null, type.Components);
            }

            Charge(1);
            ReadOnlySpan<byte> word = _data.Slice(position, 32);
            switch (type.Kind)
            {
                case AbiTypeKind.UInt:
                    RequireZero(word[..(32 - type.Size / 8)], type);
                    return new UInt256(word);
                case AbiTypeKind.Int:
                {
                    int signIndex = 32 - type.Size / 8;
                    byte extension = (word[signIndex] & 0x80) != 0 ? (byte)0xFF : (byte)0;
                    if (word[..signIndex].IndexOfAnyExcept(extension) >= 0)
                    {
                        throw new AbiException($"{type} value is not sign-extended (dirty high-order bits)");
                    }

                    return new BigInteger(word, isUnsigned: false, isBigEndian: true);
                }

                case AbiTypeKind.Address:
                    RequireZero(word[..12], type);
                    return new Address(word[12..]);
                case AbiTypeKind.Bool:
                    RequireZero(word[..31], type);
                    return word[31] switch
                    {
                        0 => false,
                        1 => true,
                        _ => throw new AbiException($"bool value {word[31]} is neither 0 nor 1"),
                    };
                case AbiTypeKind.FixedBytes:
                    if (word[type.Size..].IndexOfAnyExcept((byte)0) >= 0)
                    {
                        throw new AbiException($"{type} value has dirty low-order padding bytes");
                    }

                    return word[..type.Size].ToArray();
                default:
                    throw new AbiException($"{type} is not a static type");
            }
        }

        private object ReadDynamic(int position, AbiType type)
        {
            switch (type.Kind)
            {
                case AbiTypeKind.Bytes:
                case AbiTypeKind.String:
                {
                    ulong length = ReadSmall(position, "length");
                    long available = _data.Length - (long)position - 32;
                    if (length > (ulong)available || AbiEncoder.Pad32((int)length) > available)
                    {
                        throw new AbiException($"{type} length {length} exceeds the {available} bytes that follow it");
                    }

                    Charge(1 + (AbiEncoder.Pad32((int)length) / 32));
                    ReadOnlySpan<byte> content = _data.Slice(position + 32, (int)length);
                    if (type.Kind == AbiTypeKind.Bytes)
                    {
                        return content.ToArray();
                    }

                    try
                    {
                        return StrictUtf8.GetString(content);
                    }
                    catch (DecoderFallbackException e)
                    {
                        throw new AbiException("string is not valid UTF-8", e);
                    }
                }

                case AbiTypeKind.Array:
                {
                    ulong count = ReadSmall(position, "length");
                    long available = _data.Length - (long)position - 32;
                    if (count > (ulong)(available / type.Element!.HeadSize))
                    {
                        throw new AbiException($"{type} length {count} exceeds what the remaining {available} bytes can hold");
                    }

                    Charge(1);
                    return ReadSequence(position + 32, (int)count, type.Element, null);
                }

                case AbiTypeKind.FixedArray:
                    return ReadSequence(position, type.Length, type.Element!, null);
                default:
                    return ReadSequence(position, type.Components.Count, null, type.Components);
            }
        }

        private object[] ReadSequence(int start, int count, AbiType? element, IReadOnlyList<AbiType>? components)
        {
            if (element is not null)
            {
                Require(start, (long)count * element.HeadSize, element);
            }

            object[] values = count == 0 ? [] : new object[count];
            int head = start;
            for (int i = 0; i < count; i++)
            {
                AbiType type = element ?? components![i];
                values[i] = ReadField(start, head, type);
                head += type.HeadSize;
            }

            return values;
        }

        private readonly ulong ReadSmall(int position, string what)
        {
            ReadOnlySpan<byte> word = _data.Slice(position, 32);
            if (word[..24].IndexOfAnyExcept((byte)0) >= 0)
            {
                throw new AbiException($"{what} 0x{Convert.ToHexStringLower(word).TrimStart('0')} is too large");
            }

            return BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        }

        private readonly void Require(int position, long size, AbiType type)
        {
            if (_data.Length - (long)position < size)
            {
                throw new AbiException($"data too short for {type}: needs {size} bytes at position {position}, have {Math.Max(0, _data.Length - position)}");
            }
        }

        private void Charge(long words)
        {
            _budget -= words;
            if (_budget < 0)
            {
                throw new AbiException("decoded size exceeds the input size (overlapping offsets are not a canonical encoding)");
            }
        }

        private static void RequireZero(ReadOnlySpan<byte> padding, AbiType type)
        {
            if (padding.IndexOfAnyExcept((byte)0) >= 0)
            {
                throw new AbiException($"{type} value has dirty high-order bits");
            }
        }
    }
}
