using System.Text.Json.Nodes;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Cli;
using TrustChain.Node.Tests.Crash;

namespace TrustChain.Node.Tests.Credentials;

/// <summary>
/// The real `trustchain run --dev` (trustchain.dll next to the tests) on a temp data dir, with a test genesis derived
/// from the repo's: three validators (dev keys 0, 1, 2) of equal stake, so two votes are two thirds; downtime
/// slashing off (only key 0 signs dev blocks). Everything else, including the registry parameters, is the repo's.
/// </summary>
public static class RegistryDevNode
{
    public const int ValidatorCount = 3;

    public static DevNodeProcess Start() => DevNodeProcess.StartInTemp("tc-registries-", blockTimeMs: 500, ThreeValidatorGenesis());

    /// <summary>The repo genesis with validators = dev keys 0..2, 1,000,000 TRUST each, and no downtime slashing.</summary>
    public static string ThreeValidatorGenesis()
    {
        JsonObject genesis = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!.AsObject();
        JsonArray validators = [];
        for (int i = 0; i < ValidatorCount; i++)
        {
            PrivateKey key = DevAccounts.Get(i);
            validators.Add(new JsonObject
            {
                ["address"] = key.Address.ToString(),
                ["publicKey"] = "0x" + Convert.ToHexString(Compressed(key)).ToLowerInvariant(),
                ["stake"] = "1000000000000000000000000",
            });
        }

        genesis["validators"] = validators;
        genesis["params"]!["downtimeMinSignedBps"] = 0;
        return genesis.ToJsonString();
    }

    private static byte[] Compressed(PrivateKey key)
    {
        ReadOnlySpan<byte> uncompressed = key.PublicKey;
        byte[] compressed = new byte[33];
        compressed[0] = (byte)((uncompressed[63] & 1) == 0 ? 0x02 : 0x03);
        uncompressed[..32].CopyTo(compressed.AsSpan(1));
        return compressed;
    }
}
