using System.CommandLine;
using TrustChain.Node.Config;

namespace TrustChain.Node.Cli;

/// <summary>`trustchain config show`: the effective configuration, where each value came from, secrets redacted.</summary>
public static class ConfigCommands
{
    public static Command Create(CliContext context, Option<string> configOption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configOption);
        Command config = new("config", "Inspect the node configuration");
        config.Subcommands.Add(CreateShow(context, configOption));
        return config;
    }

    /// <summary>
    /// Adds the operator flags (--log-level, --log-format, --health-max-head-age, --explorer) to a command that resolves
    /// <see cref="RunSettings"/> (`run`); without them these settings still come from the environment or the file.
    /// </summary>
    public static void AddOperatorOptions(Command command, ConfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        options.Add(command, ConfigKeys.LogLevel, "Log level, or per component: Consensus=Debug,Rpc=Warning (default Information)", "LEVELS");
        options.Add(command, ConfigKeys.LogFormat, "console (default) or json (one object per line)", "FORMAT");
        options.Add(command, ConfigKeys.HealthMaxHeadAge, "Milliseconds without a new head before /health answers 503 (default max(30000, 10 block times))", "MS");
        options.Add(command, ConfigKeys.Explorer, "Serve the block explorer at /explorer: true (default) or false", "BOOL");
    }

    private static Command CreateShow(CliContext context, Option<string> configOption)
    {
        Command show = new("show", $"Print the effective configuration ({ConfigReport.Precedence}) with secrets redacted; takes the same flags as `run`");
        ConfigOptions options = new();
        foreach (ConfigKey key in ConfigKeys.All)
        {
            string description = $"{key.JsonName} (env {key.EnvironmentVariable})";
            if (key.IsSwitch)
            {
                options.AddSwitch(show, key, description);
            }
            else
            {
                options.Add(show, key, description, "VALUE");
            }
        }

        Option<string> format = new("--format") { Description = "text (default) or json", HelpName = "FORMAT" };
        show.Options.Add(format);
        show.SetAction((parseResult, _) =>
        {
            LayeredConfig layered = options.Resolve(parseResult, configOption, context);
            // Resolving checks every value, so a config that `run` would refuse is refused here too.
            RunSettings.Resolve(layered);
            IReadOnlyList<ConfigEntry> entries = ConfigReport.Build(layered);
            switch (parseResult.GetValue(format)?.ToLowerInvariant())
            {
                case null or "text":
                    ConfigReport.WriteText(context.Output, entries);
                    break;
                case "json":
                    ConfigReport.WriteJson(context.Output, entries);
                    break;
                default:
                    throw new ConfigException($"invalid value \"{parseResult.GetValue(format)}\" for --format: must be text or json.");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return show;
    }
}
