using System.Collections;
using System.Numerics;
using TrustChain.Core;

namespace TrustChain.Chain.Abi;

/// <summary>Maps the CLR values callers pass to the ABI's value model, rejecting anything that does not fit the type.</summary>
internal static class AbiValueConverter
{
    public static UInt256 ToUnsigned(AbiType type, object? value)
    {
        UInt256 result = value switch
        {
            UInt256 u => u,
            ulong u => u,
            uint u => u,
            ushort u => (uint)u,
            byte u => (uint)u,
            int i when i >= 0 => (ulong)i,
            long l when l >= 0 => (ulong)l,
            BigInteger b when b.Sign >= 0 && b.GetBitLength() <= 256 => UInt256.FromBigInteger(b),
            int or long or BigInteger => throw new AbiException($"value {value} is out of range for {type}"),
            _ => throw WrongType(type, value, "UInt256 or an unsigned integer"),
        };
        if (result.BitLength > type.Size)
        {
            throw new AbiException($"value {result} is out of range for {type}");
        }

        return result;
    }

    public static BigInteger ToSigned(AbiType type, object? value)
    {
        BigInteger result = value switch
        {
            BigInteger b => b,
            long l => l,
            int i => i,
            short s => s,
            sbyte s => s,
            ulong u => u,
            uint u => u,
            UInt256 u => u.ToBigInteger(),
            _ => throw WrongType(type, value, "BigInteger or a signed integer"),
        };
        BigInteger bound = BigInteger.One << (type.Size - 1);
        if (result < -bound || result >= bound)
        {
            throw new AbiException($"value {result} is out of range for {type}");
        }

        return result;
    }

    public static Address ToAddress(AbiType type, object? value) =>
        value is Address a ? a : throw WrongType(type, value, "Address");

    public static bool ToBool(AbiType type, object? value) =>
        value is bool b ? b : throw WrongType(type, value, "bool");

    public static ReadOnlySpan<byte> ToBytes(AbiType type, object? value) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.Span,
        Memory<byte> memory => memory.Span,
        Hash256 hash when type.Kind == AbiTypeKind.FixedBytes => hash.ToArray(),
        _ => throw WrongType(type, value, "byte[]"),
    };

    public static string ToText(AbiType type, object? value) =>
        value as string ?? throw WrongType(type, value, "string");

    /// <summary>Items of an array or the fields of a tuple: any <see cref="IList"/> (object[], List&lt;T&gt;, UInt256[], …).</summary>
    public static IList ToList(AbiType type, object? value, int? expectedCount)
    {
        if (value is not IList list || value is byte[] && type.Element?.Kind != AbiTypeKind.UInt)
        {
            throw WrongType(type, value, type.Kind == AbiTypeKind.Tuple ? "object[] of the tuple's fields" : "an array or list");
        }

        if (expectedCount is { } count && list.Count != count)
        {
            throw new AbiException($"{type} expects {count} {(type.Kind == AbiTypeKind.Tuple ? "fields" : "elements")}, got {list.Count}");
        }

        return list;
    }

    private static AbiException WrongType(AbiType type, object? value, string expected) =>
        new($"{type} expects {expected}, got {(value is null ? "null" : value.GetType().Name)}");
}
