using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>snarkjs public.json: a JSON array of decimal strings, each a scalar below r.</summary>
public static class PublicSignals
{
    /// <exception cref="ZkFormatException">Not an array of decimal strings below r.</exception>
    public static Fr[] FromJson(string json)
    {
        using JsonDocument doc = SnarkjsJson.Parse(json, "public signals");
        return FromJson(doc.RootElement);
    }

    public static Fr[] FromJson(JsonElement root)
    {
        SnarkjsJson.Array(root, -1, "public signals");
        Fr[] signals = new Fr[root.GetArrayLength()];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = SnarkjsJson.ReadFr(root[i], $"public signal {i}");
        }

        return signals;
    }

    public static string ToJson(ReadOnlySpan<Fr> signals)
    {
        Fr[] copy = signals.ToArray();
        return SnarkjsJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (Fr s in copy)
            {
                writer.WriteStringValue(s.ToString());
            }

            writer.WriteEndArray();
        });
    }
}
