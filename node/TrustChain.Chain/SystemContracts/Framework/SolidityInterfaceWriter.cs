using System.Globalization;
using System.Text;
using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Writes the Solidity interface (I&lt;Name&gt;) of a system contract from its declarations, with NatSpec notices.
/// Tuples become structs named after their parameter (an array parameter "items" gives struct "Item").
/// </summary>
public static class SolidityInterfaceWriter
{
    public static string Write(SystemContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        StructNames structs = new();
        StringBuilder body = new();
        foreach (SystemEvent e in contract.Events)
        {
            Notice(body, e.Notice);
            body.Append("    event ").Append(e.Event.Name).Append('(')
                .Append(Parameters(e.Event.Inputs, structs, location: null)).Append(')')
                .Append(e.Event.Anonymous ? " anonymous" : "").Append(";\n\n");
        }

        foreach (AbiError e in contract.Errors)
        {
            body.Append("    error ").Append(e.Name).Append('(').Append(Parameters(e.Inputs, structs, location: null)).Append(");\n\n");
        }

        foreach (SystemMethod m in contract.Methods)
        {
            AbiFunction f = m.Function;
            Notice(body, m.Notice);
            body.Append("    function ").Append(f.Name).Append('(').Append(Parameters(f.Inputs, structs, "calldata")).Append(") external");
            if (f.StateMutability != StateMutability.NonPayable)
            {
                body.Append(' ').Append(f.StateMutability.ToJsonName());
            }

            if (f.Outputs.Count > 0)
            {
                body.Append(" returns (").Append(Parameters(f.Outputs, structs, "memory")).Append(')');
            }

            body.Append(";\n\n");
        }

        StringBuilder file = new();
        file.Append("// SPDX-License-Identifier: MIT\n")
            .Append("// Generated from the ").Append(contract.Name).Append(" system-contract declarations; tests check it against the dispatcher.\n")
            .Append("pragma solidity ^0.8.20;\n\n")
            .Append("/// @title ").Append(contract.Name).Append(" (TrustChain system contract at ").Append(contract.Address).Append(")\n")
            .Append("interface I").Append(contract.Name).Append(" {\n");
        foreach ((string name, string fields) in structs.Definitions)
        {
            file.Append("    struct ").Append(name).Append(" {\n").Append(fields).Append("    }\n\n");
        }

        file.Append(body.ToString().TrimEnd('\n')).Append("\n}\n");
        return file.ToString();
    }

    private static void Notice(StringBuilder body, string? notice)
    {
        if (string.IsNullOrWhiteSpace(notice))
        {
            return;
        }

        string[] lines = notice.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            body.Append("    /// ").Append(i == 0 ? "@notice " : "").Append(lines[i].Trim()).Append('\n');
        }
    }

    private static string Parameters(IReadOnlyList<AbiParameter> parameters, StructNames structs, string? location)
    {
        List<string> parts = [];
        foreach (AbiParameter p in parameters)
        {
            string type = TypeName(p.Type, p.Name, p.Components, structs);
            bool reference = p.Type.IsArray || p.Type.Kind is AbiTypeKind.Tuple or AbiTypeKind.Bytes or AbiTypeKind.String;
            StringBuilder part = new(type);
            if (p.Indexed)
            {
                part.Append(" indexed");
            }

            if (location is not null && reference)
            {
                part.Append(' ').Append(location);
            }

            if (p.Name.Length > 0)
            {
                part.Append(' ').Append(p.Name);
            }

            parts.Add(part.ToString());
        }

        return string.Join(", ", parts);
    }

    private static string TypeName(AbiType type, string name, IReadOnlyList<AbiParameter> components, StructNames structs)
    {
        AbiType? tuple = AbiParameter.TupleOf(type);
        if (tuple is null)
        {
            return type.CanonicalName;
        }

        StringBuilder fields = new();
        for (int i = 0; i < components.Count; i++)
        {
            AbiParameter c = components[i];
            fields.Append("        ").Append(TypeName(c.Type, c.Name, c.Components, structs)).Append(' ')
                .Append(c.Name.Length > 0 ? c.Name : "field" + i.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }

        string structName = structs.NameFor(name, type.IsArray, fields.ToString());
        return structName + type.CanonicalName[tuple.CanonicalName.Length..];
    }

    private sealed class StructNames
    {
        public List<(string Name, string Fields)> Definitions { get; } = [];

        public string NameFor(string parameter, bool isArray, string fields)
        {
            string baseName = parameter.Length == 0 ? "Tuple" : char.ToUpperInvariant(parameter[0]) + parameter[1..];
            if (isArray && baseName.Length > 1 && baseName.EndsWith('s'))
            {
                baseName = baseName[..^1];
            }

            for (int n = 1; ; n++)
            {
                string candidate = n == 1 ? baseName : baseName + n.ToString(CultureInfo.InvariantCulture);
                int existing = Definitions.FindIndex(d => d.Name == candidate);
                if (existing < 0)
                {
                    Definitions.Add((candidate, fields));
                    return candidate;
                }

                if (Definitions[existing].Fields == fields)
                {
                    return candidate;
                }
            }
        }
    }
}
