namespace TrustChain.Chain.Abi;

/// <summary>
/// A Solidity ABI type. Instances are immutable and compared by their canonical name, so a parsed type can be cached
/// and shared across calls and threads.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    public static readonly AbiType UInt256 = new(AbiTypeKind.UInt, 256);
    public static readonly AbiType UInt64 = new(AbiTypeKind.UInt, 64);
    public static readonly AbiType UInt8 = new(AbiTypeKind.UInt, 8);
    public static readonly AbiType Int256 = new(AbiTypeKind.Int, 256);
    public static readonly AbiType Address = new(AbiTypeKind.Address, 160);
    public static readonly AbiType Bool = new(AbiTypeKind.Bool, 8);
    public static readonly AbiType Bytes32 = new(AbiTypeKind.FixedBytes, 32);
    public static readonly AbiType Bytes = new(AbiTypeKind.Bytes, 0);
    public static readonly AbiType String = new(AbiTypeKind.String, 0);

    private static readonly AbiType[] NoComponents = [];

    private AbiType(AbiTypeKind kind, int size)
    {
        Kind = kind;
        Size = size;
        Components = NoComponents;
        IsDynamic = kind is AbiTypeKind.Bytes or AbiTypeKind.String;
        HeadSize = 32;
        CanonicalName = kind switch
        {
            AbiTypeKind.UInt => "uint" + size,
            AbiTypeKind.Int => "int" + size,
            AbiTypeKind.Address => "address",
            AbiTypeKind.Bool => "bool",
            AbiTypeKind.FixedBytes => "bytes" + size,
            AbiTypeKind.Bytes => "bytes",
            AbiTypeKind.String => "string",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private AbiType(AbiType element, int? length)
    {
        Kind = length is null ? AbiTypeKind.Array : AbiTypeKind.FixedArray;
        Element = element;
        Length = length ?? 0;
        Components = NoComponents;
        IsDynamic = length is null || element.IsDynamic;
        HeadSize = IsDynamic ? 32 : checked(element.HeadSize * Length);
        CanonicalName = element.CanonicalName + (length is null ? "[]" : "[" + length + "]");
    }

    private AbiType(AbiType[] components)
    {
        Kind = AbiTypeKind.Tuple;
        Components = components;
        int head = 0;
        foreach (AbiType c in components)
        {
            IsDynamic |= c.IsDynamic;
            head = checked(head + c.HeadSize);
        }

        HeadSize = IsDynamic ? 32 : head;
        CanonicalName = "(" + string.Join(",", components.Select(static c => c.CanonicalName)) + ")";
    }

    public AbiTypeKind Kind { get; }

    /// <summary>Bit width for uintN/intN, byte count for bytesN, 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>Element type of T[] and T[k].</summary>
    public AbiType? Element { get; }

    /// <summary>k of T[k].</summary>
    public int Length { get; }

    public IReadOnlyList<AbiType> Components { get; }

    public bool IsDynamic { get; }

    /// <summary>Bytes the type takes in its enclosing head: 32 (an offset) when dynamic, its full encoding otherwise.</summary>
    public int HeadSize { get; }

    /// <summary>The form used in signatures: "uint256", "(address,bytes32[])[2]".</summary>
    public string CanonicalName { get; }

    public bool IsArray => Kind is AbiTypeKind.Array or AbiTypeKind.FixedArray;

    /// <summary>Parses a canonical type string; aliases uint/int/byte are accepted and normalised.</summary>
    public static AbiType Parse(string type) => AbiTypeParser.Parse(type);

    public static AbiType UInt(int bits) => bits == 256 ? UInt256 : new AbiType(AbiTypeKind.UInt, CheckBits("uint", bits));

    public static AbiType Int(int bits) => bits == 256 ? Int256 : new AbiType(AbiTypeKind.Int, CheckBits("int", bits));

    public static AbiType FixedBytes(int length)
    {
        if (length is < 1 or > 32)
        {
            throw new AbiException($"bytes{length}: fixed bytes length must be 1..32");
        }

        return length == 32 ? Bytes32 : new AbiType(AbiTypeKind.FixedBytes, length);
    }

    public static AbiType ArrayOf(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new AbiType(element, null);
    }

    public static AbiType FixedArrayOf(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length < 1)
        {
            throw new AbiException($"{element.CanonicalName}[{length}]: fixed array length must be at least 1");
        }

        return new AbiType(element, length);
    }

    public static AbiType Tuple(params AbiType[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Length == 0)
        {
            throw new AbiException("the empty tuple () is not a value type");
        }

        return new AbiType((AbiType[])components.Clone());
    }

    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    public override string ToString() => CanonicalName;

    private static int CheckBits(string prefix, int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new AbiException($"{prefix}{bits}: integer width must be a multiple of 8 in 8..256");
        }

        return bits;
    }
}
