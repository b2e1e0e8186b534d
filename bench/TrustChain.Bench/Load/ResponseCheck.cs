using System.Text.Json;

namespace TrustChain.Bench.Load;

/// <summary>Allocation-free check of a single JSON-RPC response: an object with a "result" and no "error".</summary>
public static class ResponseCheck
{
    public static bool IsSuccess(ReadOnlySpan<byte> body)
    {
        Utf8JsonReader reader = new(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool hasResult = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    return false;
                }

                hasResult |= reader.ValueTextEquals("result"u8);
                reader.Read();
                reader.Skip();
            }

            return hasResult;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
