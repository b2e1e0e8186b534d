using System.Text;
using System.Text.Json;

namespace TrustChain.Chain.Abi;

/// <summary>Writes the Solidity JSON ABI with solc's alphabetical key order, two-space indentation and '\n' line ends.</summary>
public static class AbiJsonWriter
{
    public static string Write(ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(abi);
        using MemoryStream stream = new();
        using (Utf8JsonWriter json = new(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (AbiFunction f in abi.Functions.OrderBy(static f => f.Name, StringComparer.Ordinal).ThenBy(static f => f.Signature, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                WriteParameters(json, "inputs", f.Inputs, isEvent: false);
                json.WriteString("name", f.Name);
                WriteParameters(json, "outputs", f.Outputs, isEvent: false);
                json.WriteString("stateMutability", f.StateMutability.ToJsonName());
                json.WriteString("type", "function");
                json.WriteEndObject();
            }

            foreach (AbiEvent e in abi.Events.OrderBy(static e => e.Name, StringComparer.Ordinal).ThenBy(static e => e.Signature, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteBoolean("anonymous", e.Anonymous);
                WriteParameters(json, "inputs", e.Inputs, isEvent: true);
                json.WriteString("name", e.Name);
                json.WriteString("type", "event");
                json.WriteEndObject();
            }

            foreach (AbiError e in abi.Errors.OrderBy(static e => e.Name, StringComparer.Ordinal).ThenBy(static e => e.Signature, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                WriteParameters(json, "inputs", e.Inputs, isEvent: false);
                json.WriteString("name", e.Name);
                json.WriteString("type", "error");
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    private static void WriteParameters(Utf8JsonWriter json, string property, IReadOnlyList<AbiParameter> parameters, bool isEvent)
    {
        json.WriteStartArray(property);
        foreach (AbiParameter p in parameters)
        {
            json.WriteStartObject();
            if (p.Components.Count > 0)
            {
                WriteParameters(json, "components", p.Components, isEvent: false);
            }

            if (isEvent)
            {
                json.WriteBoolean("indexed", p.Indexed);
            }

            json.WriteString("name", p.Name);
            json.WriteString("type", p.JsonType);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
