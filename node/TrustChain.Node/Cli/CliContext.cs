using System.Collections;

namespace TrustChain.Node.Cli;

/// <summary>What a CLI invocation talks to: its output streams, its environment and the password prompt.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> environment, IPasswordPrompt passwordPrompt)
    {
        Output = output;
        Error = error;
        Environment = environment;
        PasswordPrompt = passwordPrompt;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IPasswordPrompt PasswordPrompt { get; }

    public static CliContext FromConsole()
    {
        Dictionary<string, string> environment = new(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                environment[key] = value;
            }
        }

        return new CliContext(Console.Out, Console.Error, environment, new ConsolePasswordPrompt());
    }
}
