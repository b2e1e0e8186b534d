using System.Text.Json;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Recognises the common single call <c>{"jsonrpc":"2.0","id":…,"method":"…","params":[]}</c> (any member order,
/// params absent, null or empty) straight from the request bytes. Anything else — a batch, a notification, extra or
/// repeated members, escaped method names, arguments, malformed JSON — is declined and left to the general path,
/// which owns every error answer; declining is always safe.
/// </summary>
internal static class RpcSimpleRequest
{
    private const int SeenVersion = 1;
    private const int SeenId = 2;
    private const int SeenMethod = 4;
    private const int SeenParams = 8;

    private static readonly JsonReaderOptions s_options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>
    /// True for a parameterless call; <paramref name="rawId"/> is the id exactly as sent (quotes included),
    /// <paramref name="method"/> the unescaped method name bytes.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out ReadOnlySpan<byte> rawId, out ReadOnlySpan<byte> method)
    {
        rawId = default;
        method = default;
        try
        {
            return TryParseCore(json, ref rawId, ref method);
        }
        catch (JsonException)
        {
            // Malformed input: the general path produces geth's parse error.
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> json, ref ReadOnlySpan<byte> rawId, ref ReadOnlySpan<byte> method)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(s_options));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Exactly one object and nothing but whitespace after it.
                return seen is (SeenVersion | SeenId | SeenMethod) or (SeenVersion | SeenId | SeenMethod | SeenParams)
                    && !reader.Read();
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
            {
                return false;
            }

            int member = reader.ValueTextEquals("jsonrpc"u8) ? SeenVersion
                : reader.ValueTextEquals("id"u8) ? SeenId
                : reader.ValueTextEquals("method"u8) ? SeenMethod
                : reader.ValueTextEquals("params"u8) ? SeenParams
                : 0;
            if (member == 0 || (seen & member) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= member;
            switch (member)
            {
                case SeenVersion:
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual("2.0"u8))
                    {
                        return false;
                    }

                    break;
                case SeenId:
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null))
                    {
                        return false;
                    }

                    int start = (int)reader.TokenStartIndex;
                    rawId = json[start..(int)reader.BytesConsumed];
                    break;
                case SeenMethod:
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.IsEmpty)
                    {
                        return false;
                    }

                    method = reader.ValueSpan;
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                        {
                            return false;
                        }
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }
}
