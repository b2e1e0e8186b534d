using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Biometrics.FuzzyExtractor;
using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Prover;

/// <summary>
/// What the enrolled person takes home (`palm enroll --out`): helper data (public by design, but kept off chain so the
/// chain holds nothing derived from the palm besides OPRF tags), the identity commitment and human index and, for
/// convenience, the identity secret. Whoever holds the secret can act as the person; a careful person deletes it and
/// regenerates it from a re-scan plus the helper data (`palm prove`).
/// <c>{"helper": "0x…", "commitment": "…", "humanIndex": n, "identitySecret": "0x…"|null}</c>.
/// </summary>
public sealed record PalmPersonFile(FuzzyHelperData Helper, UInt256 Commitment, ulong HumanIndex, byte[]? IdentitySecret)
{
    public string ToJson() => new JsonObject
    {
        ["helper"] = Hex.ToHexString(Helper.ToBytes()),
        ["commitment"] = Commitment.ToString(),
        ["humanIndex"] = HumanIndex,
        ["identitySecret"] = IdentitySecret is null ? null : Hex.ToHexString(IdentitySecret),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static PalmPersonFile Read(string path)
    {
        try
        {
            JsonObject root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new ConfigException($"{path}: expected a JSON object.");
            FuzzyHelperData helper = FuzzyHelperData.FromBytes(Hex.FromHexString(root["helper"]?.GetValue<string>() ?? throw new ConfigException($"{path}: helper is missing.")));
            UInt256 commitment = UInt256.Parse(root["commitment"]?.GetValue<string>() ?? throw new ConfigException($"{path}: commitment is missing."));
            ulong index = root["humanIndex"]?.GetValue<ulong>() ?? 0;
            string? secret = root["identitySecret"]?.GetValue<string>();
            return new PalmPersonFile(helper, commitment, index, secret is null ? null : Hex.FromHexString(secret));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ConfigException($"{path}: invalid person file: {e.Message}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"person file not found: {path}", e);
        }
    }
}
