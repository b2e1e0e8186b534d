using System.Text.Json;
using TrustChain.Chain.Abi;
using TrustChain.Chain.SystemContracts;
using TrustChain.Core;

namespace TrustChain.Rpc.Explorer;

/// <summary>
/// Turns the system contracts' JSON ABIs into /explorer/abi.json: per contract its address and its functions by
/// 4-byte selector and events by topic0, computed here with the chain's own ABI code so the browser needs no
/// keccak. Selectors are keyed per contract because two registries may share one (verificationFee()).
/// </summary>
public static class ExplorerAbiIndex
{
    private static readonly (string Name, Address Address)[] KnownAddresses =
    [
        ("Staking", SystemContractAddresses.Staking),
        ("HumanRegistry", SystemContractAddresses.HumanRegistry),
        ("CredentialRegistry", SystemContractAddresses.CredentialRegistry),
        ("ModelRegistry", SystemContractAddresses.ModelRegistry),
    ];

    /// <summary>Builds the index from (contract name, ABI JSON) pairs; the output is ordered by contract name.</summary>
    public static byte[] Build(IEnumerable<KeyValuePair<string, string>> abis)
    {
        ArgumentNullException.ThrowIfNull(abis);
        List<KeyValuePair<string, string>> ordered = [.. abis];
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("contracts");
            foreach ((string name, string json) in ordered)
            {
                ContractAbi abi;
                try
                {
                    abi = ContractAbi.FromJson(json);
                }
                catch (Exception e) when (e is AbiException or JsonException)
                {
                    throw new InvalidOperationException($"the embedded ABI of {name} is not valid: {e.Message}", e);
                }

                WriteContract(writer, name, abi);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static Address? AddressOf(string contractName)
    {
        foreach ((string name, Address address) in KnownAddresses)
        {
            if (string.Equals(name, contractName, StringComparison.Ordinal))
            {
                return address;
            }
        }

        return null;
    }

    private static void WriteContract(Utf8JsonWriter writer, string name, ContractAbi abi)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        if (AddressOf(name) is { } address)
        {
            writer.WriteString("address", address.ToLowerHex());
        }
        else
        {
            writer.WriteNull("address");
        }

        writer.WriteStartObject("functions");
        foreach (AbiFunction function in abi.Functions)
        {
            writer.WriteStartObject(function.Selector.ToString());
            writer.WriteString("name", function.Name);
            writer.WriteString("signature", function.Signature);
            writer.WriteString("stateMutability", function.StateMutability.ToJsonName());
            WriteParameters(writer, "inputs", function.Inputs, withIndexed: false);
            WriteParameters(writer, "outputs", function.Outputs, withIndexed: false);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("events");
        foreach (AbiEvent e in abi.Events)
        {
            if (e.Anonymous)
            {
                // Without topic0 a log cannot be attributed to an anonymous event.
                continue;
            }

            writer.WriteStartObject(e.Topic0.ToString());
            writer.WriteString("name", e.Name);
            writer.WriteString("signature", e.Signature);
            WriteParameters(writer, "inputs", e.Inputs, withIndexed: true);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter writer, string property, IReadOnlyList<AbiParameter> parameters, bool withIndexed)
    {
        writer.WriteStartArray(property);
        foreach (AbiParameter parameter in parameters)
        {
            WriteParameter(writer, parameter, withIndexed);
        }

        writer.WriteEndArray();
    }

    private static void WriteParameter(Utf8JsonWriter writer, AbiParameter parameter, bool withIndexed)
    {
        writer.WriteStartObject();
        writer.WriteString("name", parameter.Name);
        // The canonical spelling ("(uint256,address)[]") lets the browser decode without the JSON ABI's "tuple" form.
        writer.WriteString("type", parameter.Type.CanonicalName);
        if (withIndexed)
        {
            writer.WriteBoolean("indexed", parameter.Indexed);
        }

        if (parameter.Components.Count > 0)
        {
            WriteParameters(writer, "components", parameter.Components, withIndexed: false);
        }

        writer.WriteEndObject();
    }
}
