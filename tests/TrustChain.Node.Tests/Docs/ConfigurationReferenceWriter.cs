using System.Text;
using TrustChain.Node.Config;

namespace TrustChain.Node.Tests.Docs;

/// <summary>
/// The settings tables of docs/configuration.md, generated from <see cref="ConfigKeys.All"/> (and the keys of
/// `run --prover` that only flags and the environment carry); the prose around them is written by hand.
/// </summary>
public static class ConfigurationReferenceWriter
{
    public const string Start = "<!-- generated: settings (ConfigurationReferenceTests) -->";
    public const string End = "<!-- /generated: settings -->";

    public static string Write(IReadOnlyList<ConfigKey> fileKeys, IReadOnlyList<ConfigKey> flagOnlyKeys)
    {
        StringBuilder md = new();
        md.Append(Start).Append('\n');
        Table(md, fileKeys, inFile: true);
        List<ConfigKey> extra = flagOnlyKeys.Where(k => !fileKeys.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            md.Append("\nFlags and environment variables only (the config file does not accept these yet):\n\n");
            Table(md, extra, inFile: false);
        }

        md.Append(End);
        return md.ToString();
    }

    /// <summary>The generated part of <paramref name="document"/>, or null when its markers are missing.</summary>
    public static string? Extract(string document)
    {
        int start = document.IndexOf(Start, StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : document[start..(end + End.Length)];
    }

    public static string Replace(string document, string generated)
    {
        string current = Extract(document) ?? throw new FormatException($"docs/configuration.md has no {Start} … {End} section to replace");
        return document.Replace(current, generated, StringComparison.Ordinal);
    }

    private static void Table(StringBuilder md, IEnumerable<ConfigKey> keys, bool inFile)
    {
        md.Append("| flag | environment variable | config-file key | default |\n|---|---|---|---|\n");
        foreach (ConfigKey key in keys)
        {
            md.Append("| `").Append(key.Flag).Append(key.IsSwitch ? "`" : " VALUE`").Append(key.Secret ? " (secret)" : "")
                .Append(" | `").Append(key.EnvironmentVariable).Append("` | ")
                .Append(inFile ? "`" + key.JsonName + "`" : "—").Append(" | ")
                .Append(key.DefaultDescription?.Replace("|", "\\|", StringComparison.Ordinal) ?? "—").Append(" |\n");
        }
    }
}
