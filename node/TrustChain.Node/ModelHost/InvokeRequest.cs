using System.Globalization;
using System.Text.Json;
using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>The body of POST /invoke: who calls, with what input, and the user's Usage signature for this call's count.</summary>
public sealed record InvokeRequest(Address User, byte[] Input, ulong CumulativeCalls, byte[] Signature)
{
    public const int MaxInputBytes = 256 * 1024;

    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    public static InvokeRequest Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the request body must be a JSON object with user, input, cumulativeCalls and signature");
        }

        string user = Text(body, "user");
        if (user.Length != 42 || !Address.TryParse(user, out Address address))
        {
            throw new FormatException($"user must be a 0x-prefixed 20-byte address, got \"{user}\"");
        }

        if (!Hex.TryFromHexString(Text(body, "input"), out byte[]? input))
        {
            throw new FormatException("input must be 0x-prefixed hex bytes");
        }

        if (input.Length > MaxInputBytes)
        {
            throw new FormatException($"input is {input.Length} bytes; at most {MaxInputBytes} are accepted");
        }

        if (!Hex.TryFromHexString(Text(body, "signature"), out byte[]? signature))
        {
            throw new FormatException("signature must be 0x-prefixed hex bytes");
        }

        return new InvokeRequest(address, input, Calls(body), signature);
    }

    private static string Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{name} is missing or not a string");

    private static ulong Calls(JsonElement body)
    {
        if (body.TryGetProperty("cumulativeCalls", out JsonElement value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong number) && number > 0)
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0)
            {
                return number;
            }
        }

        throw new FormatException("cumulativeCalls must be a positive integer (the user's total calls including this one)");
    }
}
