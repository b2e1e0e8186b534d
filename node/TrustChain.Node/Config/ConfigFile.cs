using System.Globalization;
using System.Text.Json;

namespace TrustChain.Node.Config;

/// <summary>
/// Reads a JSON config file into raw values keyed by setting. Unknown properties are errors, so a typo never
/// silently falls back to a default.
/// </summary>
public static class ConfigFile
{
    public static IReadOnlyDictionary<ConfigKey, ConfigValue> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static IReadOnlyDictionary<ConfigKey, ConfigValue> Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException($"config file {path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"config file {path} must hold a JSON object.");
            }

            Dictionary<ConfigKey, ConfigValue> values = [];
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                ConfigKey key = FindKey(property.Name)
                    ?? throw new ConfigException($"config file {path}: unknown setting \"{property.Name}\" (known: {KnownNames()}).");
                string source = $"config file {path} ({property.Name})";
                values[key] = new ConfigValue(ToRaw(property.Value, source), source);
            }

            return values;
        }
    }

    private static ConfigKey? FindKey(string name)
    {
        foreach (ConfigKey key in ConfigKeys.All)
        {
            if (string.Equals(key.JsonName, name, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    private static string KnownNames() => string.Join(", ", ConfigKeys.All.Select(k => k.JsonName));

    private static string ToRaw(JsonElement value, string source) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new ConfigException($"invalid {source}: array items must be strings."))),
        _ => throw new ConfigException($"invalid {source}: expected a string, number, boolean or array of strings, got {value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}."),
    };
}
