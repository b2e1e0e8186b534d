using System.Runtime.InteropServices;
using System.Text.Json;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>Writes JSON-RPC envelopes (geth member order: jsonrpc, id, result|error).</summary>
internal static class RpcResponseWriter
{
    private static readonly JsonEncodedText s_jsonrpc = JsonEncodedText.Encode("jsonrpc");
    private static readonly JsonEncodedText s_version = JsonEncodedText.Encode("2.0");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_result = JsonEncodedText.Encode("result");
    private static readonly JsonEncodedText s_error = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText s_code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText s_data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText s_method = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText s_params = JsonEncodedText.Encode("params");
    private static readonly JsonEncodedText s_subscription = JsonEncodedText.Encode("subscription");

    public static void WriteResult(Utf8JsonWriter writer, JsonElement id, object? result, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(s_jsonrpc, s_version);
        writer.WritePropertyName(s_id);
        WriteId(writer, id);
        writer.WritePropertyName(s_result);
        WriteValue(writer, result, options);
        writer.WriteEndObject();
    }

    /// <summary>An absent or invalid id is answered with null, as the spec requires.</summary>
    public static void WriteError(Utf8JsonWriter writer, JsonElement id, int code, string message, object? data, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(s_jsonrpc, s_version);
        writer.WritePropertyName(s_id);
        WriteId(writer, id);
        writer.WritePropertyName(s_error);
        writer.WriteStartObject();
        writer.WriteNumber(s_code, code);
        writer.WriteString(s_message, message);
        if (data is not null)
        {
            writer.WritePropertyName(s_data);
            WriteValue(writer, data, options);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteNotification(Utf8JsonWriter writer, string method, string subscriptionId, object? result, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(s_jsonrpc, s_version);
        writer.WriteString(s_method, method);
        writer.WritePropertyName(s_params);
        writer.WriteStartObject();
        writer.WriteString(s_subscription, subscriptionId);
        writer.WritePropertyName(s_result);
        WriteValue(writer, result, options);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case RawJson raw:
                writer.WriteRawValue(raw.Utf8Json.Span, skipInputValidation: true);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IRpcJsonWritable writable:
                writable.WriteTo(writer, options);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            default:
                JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        if (id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            // Echo the client's bytes exactly (e.g. 1.0 stays 1.0, big integers keep their digits).
            writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(id), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
