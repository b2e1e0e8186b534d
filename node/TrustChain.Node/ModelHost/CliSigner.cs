using System.CommandLine;
using TrustChain.Core.Crypto;
using TrustChain.Node.Cli;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;

namespace TrustChain.Node.ModelHost;

/// <summary>The --from-key / --dev-account / --password-file options of the registry commands and the key they name.</summary>
public sealed class CliSigner
{
    private readonly Option<string> _fromKey = new("--from-key") { Description = "Sender key: a file with a hex key or a keystore JSON", HelpName = "FILE" };
    private readonly Option<int?> _devAccount = new("--dev-account") { Description = "Sender = dev account N (0-9), dev chains only", HelpName = "N" };
    private readonly Option<string> _passwordFile = new("--password-file") { Description = "Password for a keystore --from-key", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_fromKey);
        command.Options.Add(_devAccount);
        command.Options.Add(_passwordFile);
    }

    public PrivateKey Load(ParseResult parseResult, IPasswordPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string? keyPath = parseResult.GetValue(_fromKey);
        int? dev = parseResult.GetValue(_devAccount);
        if ((keyPath is null) == (dev is null))
        {
            throw new ConfigException("give exactly one of --from-key FILE or --dev-account N.");
        }

        if (dev is { } index)
        {
            if (index < 0 || index >= DevAccounts.Count)
            {
                throw new ConfigException($"--dev-account must be between 0 and {DevAccounts.Count - 1}, got {index}.");
            }

            return DevAccounts.Get(index);
        }

        return KeyFile.ReadKeyOrKeystore(keyPath!, parseResult.GetValue(_passwordFile), prompt);
    }
}
