namespace TrustChain.Chain.Abi;

internal static class AbiSignature
{
    public static string Of(string name, IReadOnlyList<AbiParameter> parameters)
    {
        ValidateName(name);
        return name + "(" + string.Join(",", parameters.Select(static p => p.Type.CanonicalName)) + ")";
    }

    public static AbiType[] Types(IReadOnlyList<AbiParameter> parameters)
    {
        AbiType[] types = new AbiType[parameters.Count];
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = parameters[i].Type;
        }

        return types;
    }

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool valid = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (char c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
        }

        if (!valid)
        {
            throw new AbiException($"'{name}' is not a valid Solidity identifier");
        }
    }
}
