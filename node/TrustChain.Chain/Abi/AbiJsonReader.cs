using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustChain.Chain.Abi;

/// <summary>Reads the Solidity JSON ABI as solc and ethers write it; constructor, fallback and receive entries are skipped.</summary>
public static class AbiJsonReader
{
    public static ContractAbi Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonArray entries;
        try
        {
            entries = JsonNode.Parse(json) as JsonArray ?? throw new AbiException("a JSON ABI must be an array");
        }
        catch (JsonException e)
        {
            throw new AbiException("invalid JSON ABI: " + e.Message, e);
        }

        List<AbiFunction> functions = [];
        List<AbiEvent> events = [];
        List<AbiError> errors = [];
        foreach (JsonNode? node in entries)
        {
            JsonObject entry = node as JsonObject ?? throw new AbiException("JSON ABI entries must be objects");
            string type = OptionalString(entry, "type") ?? "function";
            switch (type)
            {
                case "function":
                    functions.Add(new AbiFunction(RequiredString(entry, "name"), Parameters(entry, "inputs", false),
                        Parameters(entry, "outputs", false), Mutability(entry)));
                    break;
                case "event":
                    events.Add(new AbiEvent(RequiredString(entry, "name"), Parameters(entry, "inputs", true),
                        entry["anonymous"]?.GetValue<bool>() ?? false));
                    break;
                case "error":
                    errors.Add(new AbiError(RequiredString(entry, "name"), Parameters(entry, "inputs", false)));
                    break;
                case "constructor":
                case "fallback":
                case "receive":
                    break;
                default:
                    throw new AbiException($"unknown JSON ABI entry type '{type}'");
            }
        }

        return new ContractAbi(functions, events, errors);
    }

    private static StateMutability Mutability(JsonObject entry)
    {
        string? mutability = OptionalString(entry, "stateMutability");
        if (mutability is not null)
        {
            return StateMutabilityNames.Parse(mutability);
        }

        // Pre-0.5 solc output: "constant" and "payable" flags instead of stateMutability.
        if (entry["constant"]?.GetValue<bool>() == true)
        {
            return StateMutability.View;
        }

        return entry["payable"]?.GetValue<bool>() == true ? StateMutability.Payable : StateMutability.NonPayable;
    }

    private static List<AbiParameter> Parameters(JsonObject entry, string property, bool isEvent)
    {
        List<AbiParameter> result = [];
        if (entry[property] is null)
        {
            return result;
        }

        JsonArray list = entry[property] as JsonArray ?? throw new AbiException($"'{property}' must be an array");
        foreach (JsonNode? node in list)
        {
            result.Add(Parameter(node as JsonObject ?? throw new AbiException($"'{property}' entries must be objects"), isEvent));
        }

        return result;
    }

    private static AbiParameter Parameter(JsonObject p, bool isEvent)
    {
        string name = OptionalString(p, "name") ?? "";
        string type = RequiredString(p, "type");
        bool indexed = isEvent && (p["indexed"]?.GetValue<bool>() ?? false);
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            return new AbiParameter(name, AbiType.Parse(type), indexed);
        }

        List<AbiParameter> components = Parameters(p, "components", false);
        if (components.Count == 0)
        {
            throw new AbiException($"tuple parameter '{name}' has no components");
        }

        string tuple = "(" + string.Join(",", components.Select(static c => c.Type.CanonicalName)) + ")";
        return new AbiParameter(name, AbiType.Parse(tuple + type["tuple".Length..]), indexed, components);
    }

    private static string RequiredString(JsonObject entry, string property) =>
        OptionalString(entry, property) ?? throw new AbiException($"JSON ABI entry lacks '{property}'");

    private static string? OptionalString(JsonObject entry, string property)
    {
        try
        {
            return entry[property]?.GetValue<string>();
        }
        catch (InvalidOperationException e)
        {
            throw new AbiException($"'{property}' must be a string", e);
        }
    }
}
