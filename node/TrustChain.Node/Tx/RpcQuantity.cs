using System.Text.Json;
using TrustChain.Core;

namespace TrustChain.Node.Tx;

/// <summary>Reads JSON-RPC hex quantities ("0x1a") with errors that name the method and field.</summary>
public static class RpcQuantity
{
    public static UInt256 ToUInt256(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new JsonRpcClientException(what, 0, $"expected a hex quantity, got {value.GetRawText()}");
        }

        string text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || !UInt256.TryParse(text, out UInt256 result))
        {
            throw new JsonRpcClientException(what, 0, $"expected a hex quantity, got \"{text}\"");
        }

        return result;
    }

    public static ulong ToUInt64(JsonElement value, string what)
    {
        UInt256 result = ToUInt256(value, what);
        if (!result.IsUInt64)
        {
            throw new JsonRpcClientException(what, 0, $"quantity {value.GetString()} does not fit in 64 bits");
        }

        return result.U0;
    }
}
