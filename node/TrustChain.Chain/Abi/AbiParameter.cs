namespace TrustChain.Chain.Abi;

/// <summary>
/// A named input/output/event field. For tuple types (and arrays of tuples) <see cref="Components"/> names the fields of
/// the innermost tuple, as the JSON ABI's "components" does.
/// </summary>
public sealed class AbiParameter
{
    public AbiParameter(string name, AbiType type, bool indexed = false, IReadOnlyList<AbiParameter>? components = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        Indexed = indexed;
        AbiType? tuple = TupleOf(type);
        if (tuple is null)
        {
            if (components is { Count: > 0 })
            {
                throw new AbiException($"parameter '{name}' of type {type} cannot have components");
            }

            Components = [];
            return;
        }

        if (components is null)
        {
            Components = tuple.Components.Select(static c => new AbiParameter("", c)).ToArray();
            return;
        }

        if (components.Count != tuple.Components.Count)
        {
            throw new AbiException($"parameter '{name}' of type {type} has {components.Count} named components, the type has {tuple.Components.Count}");
        }

        for (int i = 0; i < components.Count; i++)
        {
            if (!components[i].Type.Equals(tuple.Components[i]) || components[i].Indexed)
            {
                throw new AbiException($"component {i} of parameter '{name}' is {components[i].Type}, the type says {tuple.Components[i]}");
            }
        }

        Components = components.ToArray();
    }

    public string Name { get; }

    public AbiType Type { get; }

    public bool Indexed { get; }

    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>"uint256", or "tuple[]" style for the JSON ABI where the tuple's shape lives in the components.</summary>
    public string JsonType
    {
        get
        {
            AbiType? tuple = TupleOf(Type);
            return tuple is null ? Type.CanonicalName : "tuple" + Type.CanonicalName[tuple.CanonicalName.Length..];
        }
    }

    public static AbiParameter Create(string type, string name = "", bool indexed = false) => new(name, AbiType.Parse(type), indexed);

    public override string ToString() => Type.CanonicalName + (Indexed ? " indexed" : "") + (Name.Length == 0 ? "" : " " + Name);

    /// <summary>The tuple at the core of T, T[], T[k][]…, or null when there is none.</summary>
    internal static AbiType? TupleOf(AbiType type)
    {
        while (type.IsArray)
        {
            type = type.Element!;
        }

        return type.Kind == AbiTypeKind.Tuple ? type : null;
    }
}
