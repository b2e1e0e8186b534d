using System.Globalization;
using System.Text.Json;

namespace TrustChain.Bench.Load;

/// <summary>JSON-RPC quantities ("0x1a") as the load generator needs them: 64-bit values only.</summary>
public static class HexQuantity
{
    public static ulong Parse(JsonElement element, string what)
    {
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || text.Length is < 3 or > 18
            || !ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value))
        {
            throw new FormatException($"{what}: expected a hex quantity of at most 64 bits, got {element.GetRawText()}");
        }

        return value;
    }

    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
