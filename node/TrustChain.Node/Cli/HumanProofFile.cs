using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Cli;

/// <summary>
/// A human proof as JSON in @semaphore-protocol/proof's SemaphoreProof shape: {merkleTreeDepth, merkleTreeRoot,
/// nullifier, message, scope, points[8]}, numbers as decimal strings. A proof printed by the JavaScript
/// <c>generateProof</c> (JSON.stringify with bigints as strings) is read the same way.
/// </summary>
public static class HumanProofFile
{
    public static void Write(string path, HumanProof proof)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(proof);
        JsonArray points = [];
        foreach (UInt256 point in proof.Points)
        {
            points.Add(point.ToString());
        }

        JsonObject json = new()
        {
            ["merkleTreeDepth"] = proof.Depth.ToString(),
            ["merkleTreeRoot"] = proof.Root.ToString(),
            ["nullifier"] = proof.Nullifier.ToString(),
            ["message"] = proof.Message.ToString(),
            ["scope"] = proof.Scope.ToString(),
            ["points"] = points,
        };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <exception cref="ConfigException">Missing file or not the proof shape.</exception>
    public static HumanProof Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigException($"proof file {path} does not exist.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            JsonElement points = root.GetProperty("points");
            if (points.ValueKind != JsonValueKind.Array || points.GetArrayLength() != 8)
            {
                throw new ConfigException($"{path}: points must be an array of 8 numbers.");
            }

            UInt256[] packed = new UInt256[8];
            int i = 0;
            foreach (JsonElement point in points.EnumerateArray())
            {
                packed[i] = Number(point, $"points[{i}]", path);
                i++;
            }

            return new HumanProof(
                Number(root.GetProperty("merkleTreeDepth"), "merkleTreeDepth", path),
                Number(root.GetProperty("merkleTreeRoot"), "merkleTreeRoot", path),
                Number(root.GetProperty("nullifier"), "nullifier", path),
                Number(root.GetProperty("message"), "message", path),
                Number(root.GetProperty("scope"), "scope", path),
                packed);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigException($"{path} is not a Semaphore proof JSON (merkleTreeDepth, merkleTreeRoot, nullifier, message, scope, points): {e.Message}");
        }
    }

    private static UInt256 Number(JsonElement element, string field, string path)
    {
        string? text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return UInt256.TryParse(text, out UInt256 value) ? value : throw new ConfigException($"{path}: {field} must be a decimal or 0x number, got {element.GetRawText()}.");
    }
}
