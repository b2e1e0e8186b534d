using System.CommandLine;
using TrustChain.Node.Config;

namespace TrustChain.Node.Cli;

/// <summary>
/// Command-line options that map onto <see cref="ConfigKeys"/>. They are declared as strings without defaults so
/// that "not given" stays distinguishable from "given", which the flag &gt; env &gt; file &gt; default layering needs;
/// parsing and range checks happen in <see cref="LayeredConfig"/> with source-specific messages.
/// </summary>
public sealed class ConfigOptions
{
    private readonly List<(ConfigKey Key, Option Option)> _options = [];

    public Option<string> Add(Command command, ConfigKey key, string description, string? valueName = null)
    {
        Option<string> option = new(key.Flag) { Description = description, HelpName = valueName };
        command.Options.Add(option);
        _options.Add((key, option));
        return option;
    }

    public Option<bool> AddSwitch(Command command, ConfigKey key, string description)
    {
        Option<bool> option = new(key.Flag) { Description = description };
        command.Options.Add(option);
        _options.Add((key, option));
        return option;
    }

    public LayeredConfig Resolve(ParseResult parseResult, Option<string> configOption, CliContext context)
    {
        Dictionary<ConfigKey, string> flags = [];
        foreach ((ConfigKey key, Option option) in _options)
        {
            if (parseResult.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            string? raw = option switch
            {
                Option<string> text => parseResult.GetValue(text),
                Option<bool> flag => parseResult.GetValue(flag) ? "true" : "false",
                _ => null,
            };
            if (raw is not null)
            {
                flags[key] = raw;
            }
        }

        return LayeredConfig.Create(flags, parseResult.GetValue(configOption), context.Environment);
    }
}
