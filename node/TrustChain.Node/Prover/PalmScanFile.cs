using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Biometrics.Simulation;
using TrustChain.Biometrics.Templates;
using TrustChain.Core;
using TrustChain.Node.Config;

namespace TrustChain.Node.Prover;

/// <summary>
/// A palm scan on disk (what `trustchain palm scan` writes; the scanner keeps it, it never goes to a node):
/// <c>{"label": "SYNTHETIC", "person": N, "seed": S, "scan": k, "bitLength": 2048, "bits": "0x…", "mask": "0x…"}</c>,
/// bits and mask as little-endian 64-bit words. Simulated scans carry the SYNTHETIC label.
/// </summary>
public static class PalmScanFile
{
    public static string Write(PalmTemplate template, ulong person, ulong seed, ulong scan)
    {
        ArgumentNullException.ThrowIfNull(template);
        JsonObject root = new()
        {
            ["label"] = PalmSimulator.Label,
            ["person"] = person,
            ["seed"] = seed,
            ["scan"] = scan,
            ["bitLength"] = template.BitLength,
            ["bits"] = Hex.ToHexString(ToBytes(template.Bits)),
            ["mask"] = Hex.ToHexString(ToBytes(template.Mask)),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static PalmTemplate Read(string path)
    {
        try
        {
            JsonObject root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new ConfigException($"{path}: a scan file is a JSON object.");
            int bitLength = root["bitLength"]?.GetValue<int>() ?? throw new ConfigException($"{path}: bitLength is missing.");
            ulong[] bits = ToWords(Hex.FromHexString(root["bits"]?.GetValue<string>() ?? throw new ConfigException($"{path}: bits are missing.")), bitLength, path);
            ulong[] mask = ToWords(Hex.FromHexString(root["mask"]?.GetValue<string>() ?? throw new ConfigException($"{path}: mask is missing.")), bitLength, path);
            return new PalmTemplate(bits, mask, bitLength);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ConfigException($"{path}: invalid scan file: {e.Message}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"scan file not found: {path}", e);
        }
    }

    private static byte[] ToBytes(ReadOnlySpan<ulong> words)
    {
        byte[] bytes = new byte[words.Length * 8];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 * i), words[i]);
        }

        return bytes;
    }

    private static ulong[] ToWords(byte[] bytes, int bitLength, string path)
    {
        if (bitLength <= 0 || bitLength % 64 != 0 || bytes.Length != bitLength / 8)
        {
            throw new ConfigException($"{path}: {bytes.Length} bytes do not hold a {bitLength}-bit template.");
        }

        ulong[] words = new ulong[bitLength / 64];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 * i));
        }

        return words;
    }
}
