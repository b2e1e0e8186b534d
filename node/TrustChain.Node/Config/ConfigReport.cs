namespace TrustChain.Node.Config;

/// <summary>The effective configuration with each value's source, secrets redacted (what `trustchain config show` prints).</summary>
public static class ConfigReport
{
    public const string Precedence = "flags > TRUSTCHAIN_* environment > config file > defaults";

    public static IReadOnlyList<ConfigEntry> Build(LayeredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var entries = new List<ConfigEntry>(ConfigKeys.All.Count);
        foreach (ConfigKey key in ConfigKeys.All)
        {
            if (config.Get(key) is { } value)
            {
                entries.Add(new ConfigEntry(key, ConfigRedactor.Redact(key, value.Raw), value.Source, false));
            }
            else
            {
                entries.Add(new ConfigEntry(key, key.DefaultDescription, "default", true));
            }
        }

        return entries;
    }

    public static void WriteText(TextWriter output, IReadOnlyList<ConfigEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        output.WriteLine($"# Effective configuration (precedence: {Precedence}); secrets are redacted.");
        int width = 0;
        foreach (ConfigEntry entry in entries)
        {
            width = Math.Max(width, entry.Key.JsonName.Length);
        }

        foreach (ConfigEntry entry in entries)
        {
            string value = entry.Value ?? "(unset)";
            output.WriteLine($"{entry.Key.JsonName.PadRight(width)}  {value}  [{entry.Source}]");
        }
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<ConfigEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("precedence", Precedence);
            writer.WriteStartObject("settings");
            foreach (ConfigEntry entry in entries)
            {
                writer.WriteStartObject(entry.Key.JsonName);
                if (entry.Value is null)
                {
                    writer.WriteNull("value");
                }
                else
                {
                    writer.WriteString("value", entry.Value);
                }

                writer.WriteString("source", entry.Source);
                writer.WriteString("flag", entry.Key.Flag);
                writer.WriteString("env", entry.Key.EnvironmentVariable);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
