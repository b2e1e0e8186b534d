using System.Globalization;

namespace TrustChain.Chain.Abi;

/// <summary>Recursive-descent parser for canonical type strings such as "(uint256,bytes32[])[]".</summary>
internal static class AbiTypeParser
{
    // Deeper nesting than this is no real contract's interface and would only serve to exhaust the stack.
    private const int MaxDepth = 32;

    public static AbiType Parse(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        int position = 0;
        AbiType result = ParseType(type, ref position, 0);
        if (position != type.Length)
        {
            throw new AbiException($"invalid ABI type '{type}': unexpected '{type[position]}' at position {position}");
        }

        return result;
    }

    private static AbiType ParseType(string text, ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new AbiException($"invalid ABI type '{text}': nested deeper than {MaxDepth}");
        }

        AbiType type = position < text.Length && text[position] == '('
            ? ParseTuple(text, ref position, depth)
            : ParseElementary(text, ref position);
        while (position < text.Length && text[position] == '[')
        {
            int close = text.IndexOf(']', position);
            if (close < 0)
            {
                throw new AbiException($"invalid ABI type '{text}': unclosed '['");
            }

            ReadOnlySpan<char> digits = text.AsSpan(position + 1, close - position - 1);
            if (digits.IsEmpty)
            {
                type = AbiType.ArrayOf(type);
            }
            else if (digits[0] != '0' && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
            {
                type = AbiType.FixedArrayOf(type, length);
            }
            else
            {
                throw new AbiException($"invalid ABI type '{text}': bad array length '{digits}'");
            }

            position = close + 1;
        }

        return type;
    }

    private static AbiType ParseTuple(string text, ref int position, int depth)
    {
        position++;
        List<AbiType> components = [];
        if (position < text.Length && text[position] == ')')
        {
            throw new AbiException($"invalid ABI type '{text}': empty tuple");
        }

        while (true)
        {
            components.Add(ParseType(text, ref position, depth + 1));
            if (position >= text.Length)
            {
                throw new AbiException($"invalid ABI type '{text}': unclosed '('");
            }

            char c = text[position++];
            if (c == ')')
            {
                return AbiType.Tuple([.. components]);
            }

            if (c != ',')
            {
                throw new AbiException($"invalid ABI type '{text}': unexpected '{c}' at position {position - 1}");
            }
        }
    }

    private static AbiType ParseElementary(string text, ref int position)
    {
        int start = position;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        ReadOnlySpan<char> name = text.AsSpan(start, position - start);
        switch (name)
        {
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "string":
                return AbiType.String;
            case "bytes":
                return AbiType.Bytes;
            case "byte":
                return AbiType.FixedBytes(1);
            case "uint":
                return AbiType.UInt256;
            case "int":
                return AbiType.Int256;
        }

        if (name.StartsWith("uint") && TryWidth(name[4..], out int ub))
        {
            return AbiType.UInt(ub);
        }

        if (name.StartsWith("int") && TryWidth(name[3..], out int ib))
        {
            return AbiType.Int(ib);
        }

        if (name.StartsWith("bytes") && TryWidth(name[5..], out int n))
        {
            return AbiType.FixedBytes(n);
        }

        throw new AbiException(name.IsEmpty
            ? $"invalid ABI type '{text}': expected a type at position {start}"
            : $"invalid ABI type '{text}': unknown type '{name}'");
    }

    private static bool TryWidth(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        return !digits.IsEmpty && digits[0] != '0' && digits.Length <= 3
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
