using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models.Fingerprints;

/// <summary>
/// The owner's secret fingerprint file (JSON, UTF-8):
/// <code>
/// { "version": 1, "count": 256, "merkleRoot": "0x…32 bytes",
///   "fingerprints": [ { "key": "0x…32 bytes", "response": "0x…32 bytes" }, … ] }
/// </code>
/// Pairs are in leaf order. Reading recomputes the root and rejects a file whose count or root does not match its pairs.
/// </summary>
public static class FingerprintFile
{
    public const int Version = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToJson(FingerprintSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        JsonArray pairs = [];
        foreach (FingerprintPair pair in set.Pairs)
        {
            pairs.Add(new JsonObject { ["key"] = pair.Key.ToString(), ["response"] = pair.Response.ToString() });
        }

        JsonObject root = new()
        {
            ["version"] = Version,
            ["count"] = set.Count,
            ["merkleRoot"] = set.Root.ToString(),
            ["fingerprints"] = pairs,
        };
        return root.ToJsonString(Indented);
    }

    /// <exception cref="FormatException">The text is not a valid fingerprint file; the message says what is wrong.</exception>
    public static FingerprintSet FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("fingerprint file: the top level must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"fingerprint file is not valid JSON: {e.Message}", e);
        }

        int version = Integer(root, "version");
        if (version != Version)
        {
            throw new FormatException($"fingerprint file version {version} is not supported (expected {Version})");
        }

        int count = Integer(root, "count");
        Hash256 merkleRoot = Word(root["merkleRoot"], "merkleRoot");
        if (root["fingerprints"] is not JsonArray items)
        {
            throw new FormatException("fingerprint file: \"fingerprints\" must be an array");
        }

        if (items.Count != count)
        {
            throw new FormatException($"fingerprint file: count is {count} but {items.Count} fingerprints are listed");
        }

        FingerprintPair[] pairs = new FingerprintPair[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                throw new FormatException($"fingerprint file: fingerprints[{i}] must be an object with key and response");
            }

            pairs[i] = new FingerprintPair(Word(item["key"], $"fingerprints[{i}].key"), Word(item["response"], $"fingerprints[{i}].response"));
        }

        FingerprintSet set;
        try
        {
            set = new FingerprintSet(pairs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"fingerprint file: {e.Message}", e);
        }

        if (set.Root != merkleRoot)
        {
            throw new FormatException($"fingerprint file: merkleRoot {merkleRoot} does not match the fingerprints (their root is {set.Root})");
        }

        return set;
    }

    public static void Write(string path, FingerprintSet set)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, ToJson(set));
    }

    public static FingerprintSet Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromJson(File.ReadAllText(path));
    }

    private static int Integer(JsonObject root, string name)
    {
        if (root[name] is JsonValue value && value.TryGetValue(out int result))
        {
            return result;
        }

        throw new FormatException($"fingerprint file: \"{name}\" must be an integer");
    }

    private static Hash256 Word(JsonNode? node, string name)
    {
        if (node is JsonValue value && value.TryGetValue(out string? text) && text.Length == 66 && Hash256.TryParse(text, out Hash256 word))
        {
            return word;
        }

        throw new FormatException($"fingerprint file: {name} must be a 0x-prefixed 32-byte hex string");
    }
}
