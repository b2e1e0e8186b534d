using Microsoft.Extensions.Logging;

namespace TrustChain.Node.Config;

/// <summary>
/// Log format and levels. A level value is either one level for everything ("Debug") or a comma-separated list of
/// Component=Level pairs, where "*" or "Default" sets the default and a bare component name means the TrustChain
/// component of that name ("Consensus" → category "TrustChain.Consensus"); names with a dot are taken as categories.
/// Levels: Trace, Debug, Information (Info), Warning (Warn), Error, Critical, None.
/// </summary>
public sealed record LogSettings
{
    public const string ComponentPrefix = "TrustChain.";

    public static LogSettings Default { get; } = new();

    public LogFormat Format { get; init; } = LogFormat.Console;

    public LogLevel DefaultLevel { get; init; } = LogLevel.Information;

    /// <summary>Category prefix → minimum level, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, LogLevel>> CategoryLevels { get; init; } = [];

    public static LogSettings Resolve(LayeredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        LogFormat format = LogFormat.Console;
        if (config.Get(ConfigKeys.LogFormat) is { } formatValue)
        {
            format = formatValue.Raw.Trim().ToLowerInvariant() switch
            {
                "console" or "text" => LogFormat.Console,
                "json" => LogFormat.Json,
                _ => throw LayeredConfig.Invalid(ConfigKeys.LogFormat, formatValue, "must be console or json"),
            };
        }

        if (config.Get(ConfigKeys.LogLevel) is not { } levelValue)
        {
            return new LogSettings { Format = format };
        }

        try
        {
            (LogLevel defaultLevel, List<KeyValuePair<string, LogLevel>> categories) = ParseLevels(levelValue.Raw);
            return new LogSettings { Format = format, DefaultLevel = defaultLevel, CategoryLevels = categories };
        }
        catch (FormatException e)
        {
            throw LayeredConfig.Invalid(ConfigKeys.LogLevel, levelValue, e.Message);
        }
    }

    /// <summary>Parses a level specification; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static (LogLevel Default, List<KeyValuePair<string, LogLevel>> Categories) ParseLevels(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        LogLevel defaultLevel = LogLevel.Information;
        List<KeyValuePair<string, LogLevel>> categories = [];
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("expected a level or Component=Level pairs");
        }

        foreach (string part in parts)
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                defaultLevel = ParseLevel(part);
                continue;
            }

            string component = part[..equals].Trim();
            LogLevel level = ParseLevel(part[(equals + 1)..].Trim());
            if (component.Length == 0)
            {
                throw new FormatException($"missing component name in \"{part}\"");
            }

            if (component == "*" || component.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                defaultLevel = level;
                continue;
            }

            foreach (char c in component)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '_')
                {
                    throw new FormatException($"invalid component name \"{component}\"");
                }
            }

            string category = component.Contains('.', StringComparison.Ordinal) ? component : ComponentPrefix + component;
            categories.Add(new KeyValuePair<string, LogLevel>(category, level));
        }

        return (defaultLevel, categories);
    }

    private static LogLevel ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "information" or "info" => LogLevel.Information,
        "warning" or "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" => LogLevel.None,
        _ => throw new FormatException($"unknown log level \"{text}\" (Trace, Debug, Information, Warning, Error, Critical, None)"),
    };
}
