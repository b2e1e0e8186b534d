using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TrustChain.Node.Config.Logging;

/// <summary>The two line shapes: "HH:mm:ss.fff LVL Category: message" and a single-line JSON object.</summary>
public static class LogLineFormatter
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static string Text(DateTimeOffset time, string category, LogLevel level, string message, Exception? exception)
    {
        var line = new StringBuilder(64 + message.Length);
        line.Append(time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ')
            .Append(ShortLevel(level)).Append(' ')
            .Append(ShortCategory(category)).Append(": ")
            .Append(message.ReplaceLineEndings(" "));
        if (exception is not null)
        {
            line.Append(" | ").Append(exception.GetType().Name).Append(": ").Append(exception.Message.ReplaceLineEndings(" "));
        }

        return line.Append('\n').ToString();
    }

    /// <summary>
    /// {"time","level","category","message",["eventId"],["exception"],"fields":{...}}: the message template's named
    /// values become fields so a shipper can index them without parsing the message.
    /// </summary>
    public static string Json(DateTimeOffset time, string category, LogLevel level, EventId eventId, string message,
        IReadOnlyList<KeyValuePair<string, object?>>? state, Exception? exception)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", level.ToString());
            writer.WriteString("category", category);
            writer.WriteString("message", message);
            if (eventId.Id != 0)
            {
                writer.WriteNumber("eventId", eventId.Id);
            }

            if (exception is not null)
            {
                writer.WriteString("exception", exception.ToString());
            }

            if (state is { Count: > 0 } && (state.Count > 1 || state[0].Key != OriginalFormat))
            {
                writer.WriteStartObject("fields");
                for (int i = 0; i < state.Count; i++)
                {
                    (string key, object? value) = state[i];
                    if (key != OriginalFormat)
                    {
                        WriteField(writer, key, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteField(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case bool b:
                writer.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumber(key, u);
                break;
            case double or float or decimal:
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(key, d);
                }
                else
                {
                    writer.WriteString(key, d.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case TimeSpan span:
                writer.WriteNumber(key + "Ms", span.TotalMilliseconds);
                break;
            default:
                writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string ShortLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Critical => "CRT",
        _ => "???",
    };

    private static string ShortCategory(string category) =>
        category.StartsWith(LogSettings.ComponentPrefix, StringComparison.Ordinal) ? category[LogSettings.ComponentPrefix.Length..] : category;
}
