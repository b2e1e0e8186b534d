using System.Text.RegularExpressions;
using TrustChain.Chain.Abi;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// Extracts the canonical function and event signatures from a Solidity interface file, resolving its structs to
/// tuples; independent of the generator so a hand edit that changes a signature is caught.
/// </summary>
internal static partial class SolidityInterfaceParser
{
    public static (List<string> Functions, List<string> Events) Parse(string source)
    {
        string code = BlockComment().Replace(LineComment().Replace(source, ""), "");
        Dictionary<string, string> structs = new(StringComparer.Ordinal);
        foreach (Match m in StructDefinition().Matches(code))
        {
            structs[m.Groups[1].Value] = m.Groups[2].Value;
        }

        List<string> functions = Declarations(code, "function").Select(d => Signature(d, structs)).ToList();
        List<string> events = Declarations(code, "event").Select(d => Signature(d, structs)).ToList();
        return (functions, events);
    }

    private static IEnumerable<string> Declarations(string code, string keyword)
    {
        foreach (Match m in Regex.Matches(code, @"\b" + keyword + @"\s+(\w+)\s*\("))
        {
            int depth = 1;
            int i = m.Index + m.Length;
            int start = i;
            while (depth > 0)
            {
                depth += code[i] == '(' ? 1 : code[i] == ')' ? -1 : 0;
                i++;
            }

            yield return m.Groups[1].Value + "\u0000" + code[start..(i - 1)];
        }
    }

    private static string Signature(string declaration, Dictionary<string, string> structs)
    {
        string[] parts = declaration.Split('\u0000');
        IEnumerable<string> types = SplitTopLevel(parts[1]).Select(p => ResolveType(p.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], structs));
        return parts[0] + "(" + string.Join(",", types) + ")";
    }

    private static string ResolveType(string type, Dictionary<string, string> structs)
    {
        int bracket = type.IndexOf('[');
        string baseName = bracket < 0 ? type : type[..bracket];
        string suffix = bracket < 0 ? "" : type[bracket..];
        if (!structs.TryGetValue(baseName, out string? fields))
        {
            return AbiType.Parse(type).CanonicalName;
        }

        IEnumerable<string> fieldTypes = fields.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => ResolveType(f.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], structs));
        return "(" + string.Join(",", fieldTypes) + ")" + suffix;
    }

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            yield break;
        }

        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            depth += list[i] == '(' ? 1 : list[i] == ')' ? -1 : 0;
            if (list[i] == ',' && depth == 0)
            {
                yield return list[start..i];
                start = i + 1;
            }
        }

        yield return list[start..];
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"\bstruct\s+(\w+)\s*\{([^}]*)\}")]
    private static partial Regex StructDefinition();
}
