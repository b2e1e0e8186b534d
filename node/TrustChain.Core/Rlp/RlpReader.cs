using System.Buffers.Binary;

namespace TrustChain.Core.Rlp;

/// <summary>
/// Strict RLP reader: rejects every non-canonical form (single byte &lt; 0x80 wrapped as 0x81xx, long form
/// for short payloads, leading zeros in lengths or scalars, items running past their enclosing list or the input)
/// with <see cref="RlpException"/>. Trailing bytes are rejected by <see cref="CheckEnd()"/>.
/// </summary>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public RlpReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Length => _data.Length;

    public readonly bool HasMore => _position < _data.Length;

    /// <summary>True when the next item is a list. Throws if there is no next item.</summary>
    public readonly bool IsNextList
    {
        get
        {
            if (_position >= _data.Length)
            {
                throw new RlpException("Unexpected end of RLP input.");
            }

            return _data[_position] >= 0xC0;
        }
    }

    /// <summary>Validates that <paramref name="data"/> is exactly one canonical RLP item (recursively), nothing more.</summary>
    public static void ValidateSingleItem(ReadOnlySpan<byte> data)
    {
        RlpReader reader = new(data);
        reader.SkipItemRecursive(depth: 0);
        reader.CheckEnd();
    }

    /// <summary>Reads a string item and returns its payload.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        (int headerLength, int contentLength, bool isList) = ReadPrefix();
        if (isList)
        {
            throw new RlpException($"Expected an RLP string at offset {_position}, found a list.");
        }

        ReadOnlySpan<byte> content = _data.Slice(_position + headerLength, contentLength);
        _position += headerLength + contentLength;
        return content;
    }

    public byte[] ReadByteArray() => ReadBytes().ToArray();

    /// <summary>Enters a list: moves to its first item and returns the absolute end position of its content.</summary>
    public int ReadListHeader()
    {
        (int headerLength, int contentLength, bool isList) = ReadPrefix();
        if (!isList)
        {
            throw new RlpException($"Expected an RLP list at offset {_position}, found a string.");
        }

        _position += headerLength;
        return _position + contentLength;
    }

    /// <summary>Reads a list and returns a reader bounded to its content; this reader moves past the list.</summary>
    public RlpReader ReadList()
    {
        int end = ReadListHeader();
        RlpReader inner = new(_data[_position..end]);
        _position = end;
        return inner;
    }

    /// <summary>Returns the full encoding (header included) of the next item and moves past it.</summary>
    public ReadOnlySpan<byte> ReadEncodedItem()
    {
        (int headerLength, int contentLength, _) = ReadPrefix();
        ReadOnlySpan<byte> item = _data.Slice(_position, headerLength + contentLength);
        _position += headerLength + contentLength;
        return item;
    }

    public void SkipItem() => ReadEncodedItem();

    /// <summary>Throws unless the reader has consumed all of its input.</summary>
    public readonly void CheckEnd()
    {
        if (_position != _data.Length)
        {
            throw new RlpException($"Unexpected trailing RLP data: {_data.Length - _position} bytes after offset {_position}.");
        }
    }

    /// <summary>Throws unless the reader is exactly at <paramref name="end"/> (e.g. the value from <see cref="ReadListHeader"/>).</summary>
    public readonly void CheckEnd(int end)
    {
        if (_position != end)
        {
            throw new RlpException($"RLP list content mismatch: expected to end at {end}, at {_position}.");
        }
    }

    public ulong ReadUInt64()
    {
        ReadOnlySpan<byte> bytes = ReadScalarBytes(8, "uint64");
        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public long ReadInt64()
    {
        ulong value = ReadUInt64();
        return value <= long.MaxValue ? (long)value : throw new RlpException($"RLP integer {value} exceeds Int64.");
    }

    public int ReadInt32()
    {
        ulong value = ReadUInt64();
        return value <= int.MaxValue ? (int)value : throw new RlpException($"RLP integer {value} exceeds Int32.");
    }

    public UInt256 ReadUInt256() => new(ReadScalarBytes(32, "uint256"));

    public Address ReadAddress()
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.Length != Address.Length)
        {
            throw new RlpException($"Expected a 20-byte address, got {bytes.Length} bytes.");
        }

        return new Address(bytes);
    }

    /// <summary>Empty string decodes to null (contract creation); otherwise exactly 20 bytes.</summary>
    public Address? ReadAddressOrNull()
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.Length != Address.Length)
        {
            throw new RlpException($"Expected a 20-byte address or empty, got {bytes.Length} bytes.");
        }

        return new Address(bytes);
    }

    public Hash256 ReadHash256()
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.Length != Hash256.Length)
        {
            throw new RlpException($"Expected a 32-byte hash, got {bytes.Length} bytes.");
        }

        return new Hash256(bytes);
    }

    /// <summary>A canonical scalar: at most <paramref name="maxBytes"/> bytes, no leading zero (so zero is 0x80, not 0x00).</summary>
    public ReadOnlySpan<byte> ReadScalarBytes(int maxBytes, string what)
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.Length > maxBytes)
        {
            throw new RlpException($"RLP {what} too long: {bytes.Length} bytes (max {maxBytes}).");
        }

        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException($"Non-canonical RLP {what}: leading zero byte.");
        }

        return bytes;
    }

    private void SkipItemRecursive(int depth)
    {
        if (depth > 1024)
        {
            throw new RlpException("RLP nesting too deep.");
        }

        if (!IsNextList)
        {
            ReadBytes();
            return;
        }

        RlpReader inner = ReadList();
        while (inner.HasMore)
        {
            inner.SkipItemRecursive(depth + 1);
        }
    }

    /// <summary>Decodes the header at the current position without moving; validates canonical form and bounds.</summary>
    private readonly (int HeaderLength, int ContentLength, bool IsList) ReadPrefix()
    {
        int remaining = _data.Length - _position;
        if (remaining <= 0)
        {
            throw new RlpException("Unexpected end of RLP input.");
        }

        byte prefix = _data[_position];
        int headerLength;
        int contentLength;
        bool isList;
        if (prefix < 0x80)
        {
            return (0, 1, false);
        }

        if (prefix <= 0xB7)
        {
            headerLength = 1;
            contentLength = prefix - 0x80;
            isList = false;
            if (contentLength == 1)
            {
                if (remaining < 2)
                {
                    throw new RlpException("RLP string runs past the end of the input.");
                }

                if (_data[_position + 1] < 0x80)
                {
                    throw new RlpException($"Non-canonical RLP: single byte 0x{_data[_position + 1]:x2} must not be wrapped as 0x81..");
                }
            }
        }
        else if (prefix <= 0xBF)
        {
            isList = false;
            (headerLength, contentLength) = ReadLongLength(prefix - 0xB7, remaining);
        }
        else if (prefix <= 0xF7)
        {
            headerLength = 1;
            contentLength = prefix - 0xC0;
            isList = true;
        }
        else
        {
            isList = true;
            (headerLength, contentLength) = ReadLongLength(prefix - 0xF7, remaining);
        }

        if ((long)headerLength + contentLength > remaining)
        {
            throw new RlpException($"RLP item at offset {_position} declares {contentLength} bytes but only {remaining - headerLength} remain.");
        }

        return (headerLength, contentLength, isList);
    }

    private readonly (int HeaderLength, int ContentLength) ReadLongLength(int lengthOfLength, int remaining)
    {
        if (remaining < 1 + lengthOfLength)
        {
            throw new RlpException("RLP length prefix runs past the end of the input.");
        }

        ReadOnlySpan<byte> lengthBytes = _data.Slice(_position + 1, lengthOfLength);
        if (lengthBytes[0] == 0)
        {
            throw new RlpException("Non-canonical RLP: leading zero in length.");
        }

        if (lengthOfLength > 4)
        {
            throw new RlpException($"RLP length of {lengthOfLength} bytes is too large.");
        }

        Span<byte> padded = stackalloc byte[4];
        padded.Clear();
        lengthBytes.CopyTo(padded[(4 - lengthOfLength)..]);
        uint length = BinaryPrimitives.ReadUInt32BigEndian(padded);
        if (length > int.MaxValue)
        {
            throw new RlpException($"RLP length {length} is too large.");
        }

        if (length < 56)
        {
            throw new RlpException($"Non-canonical RLP: long form used for a {length}-byte payload.");
        }

        return (1 + lengthOfLength, (int)length);
    }
}
