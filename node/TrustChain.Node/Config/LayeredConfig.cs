using System.Globalization;
using TrustChain.Core;

namespace TrustChain.Node.Config;

/// <summary>
/// Resolves settings with the precedence flags &gt; TRUSTCHAIN_* environment &gt; config file &gt; defaults, and
/// parses them with messages that name the offending source. Every parse failure is a <see cref="ConfigException"/>.
/// </summary>
public sealed class LayeredConfig
{
    private readonly IReadOnlyDictionary<ConfigKey, string> _flags;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<ConfigKey, ConfigValue> _file;

    public LayeredConfig(
        IReadOnlyDictionary<ConfigKey, string> flags,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<ConfigKey, ConfigValue> file)
    {
        _flags = flags;
        _environment = environment;
        _file = file;
    }

    /// <summary>Loads the config file named by the flag or TRUSTCHAIN_CONFIG (if any) and layers the sources.</summary>
    public static LayeredConfig Create(IReadOnlyDictionary<ConfigKey, string> flags, string? configFlag, IReadOnlyDictionary<string, string> environment)
    {
        string? path = configFlag;
        if (string.IsNullOrEmpty(path) && environment.TryGetValue("TRUSTCHAIN_CONFIG", out string? fromEnv) && fromEnv.Length > 0)
        {
            path = fromEnv;
        }

        IReadOnlyDictionary<ConfigKey, ConfigValue> file = string.IsNullOrEmpty(path)
            ? new Dictionary<ConfigKey, ConfigValue>()
            : ConfigFile.Read(PathUtil.Expand(path, environment));
        return new LayeredConfig(flags, environment, file);
    }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public ConfigValue? Get(ConfigKey key)
    {
        if (_flags.TryGetValue(key, out string? flag))
        {
            return new ConfigValue(flag, key.Flag);
        }

        if (_environment.TryGetValue(key.EnvironmentVariable, out string? env) && env.Length > 0)
        {
            return new ConfigValue(env, key.EnvironmentVariable);
        }

        return _file.TryGetValue(key, out ConfigValue fromFile) ? fromFile : null;
    }

    public string? GetString(ConfigKey key)
    {
        ConfigValue? value = Get(key);
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value.Value.Raw))
        {
            throw Invalid(key, value.Value, "must not be empty");
        }

        return value.Value.Raw;
    }

    public string? GetPath(ConfigKey key)
    {
        string? raw = GetString(key);
        return raw is null ? null : PathUtil.Expand(raw, _environment);
    }

    public int GetInt(ConfigKey key, int defaultValue, int min, int max)
    {
        ConfigValue? value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(value.Value.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < min || parsed > max)
        {
            throw Invalid(key, value.Value, $"must be an integer between {min} and {max}");
        }

        return parsed;
    }

    public bool GetBool(ConfigKey key, bool defaultValue)
    {
        ConfigValue? value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        return value.Value.Raw.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw Invalid(key, value.Value, "must be true or false"),
        };
    }

    public Address? GetAddress(ConfigKey key)
    {
        ConfigValue? value = Get(key);
        if (value is null)
        {
            return null;
        }

        try
        {
            return Address.Parse(value.Value.Raw);
        }
        catch (FormatException e)
        {
            throw Invalid(key, value.Value, e.Message);
        }
    }

    public IReadOnlyList<string>? GetList(ConfigKey key)
    {
        ConfigValue? value = Get(key);
        if (value is null)
        {
            return null;
        }

        string[] items = value.Value.Raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            throw Invalid(key, value.Value, "must list at least one value");
        }

        return items;
    }

    public static ConfigException Invalid(ConfigKey key, ConfigValue value, string reason) =>
        new($"invalid value \"{value.Raw}\" for {key.Name} (from {value.Source}): {reason}.");
}
