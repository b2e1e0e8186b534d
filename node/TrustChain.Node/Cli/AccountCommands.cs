using System.CommandLine;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Keystore;

namespace TrustChain.Node.Cli;

/// <summary>`trustchain account new|list|import`: Web3 Secret Storage keystores in the keystore directory.</summary>
public static class AccountCommands
{
    public static Command Create(CliContext context, Option<string> configOption)
    {
        Command account = new("account", "Manage encrypted keystore accounts");
        account.Subcommands.Add(CreateNew(context, configOption));
        account.Subcommands.Add(CreateList(context, configOption));
        account.Subcommands.Add(CreateImport(context, configOption));
        return account;
    }

    private static Command CreateNew(CliContext context, Option<string> configOption)
    {
        Command command = new("new", "Create a new account and store it encrypted in the keystore");
        ConfigOptions options = new();
        options.Add(command, ConfigKeys.Keystore, "Keystore directory (default ~/.trustchain/keystore)", "DIR");
        options.Add(command, ConfigKeys.PasswordFile, "File whose first line is the password (default: prompt)", "FILE");
        Option<bool> light = new("--light") { Description = "Cheap scrypt (n=4096) for throwaway keys" };
        command.Options.Add(light);
        command.SetAction((parseResult, _) =>
        {
            LayeredConfig config = options.Resolve(parseResult, configOption, context);
            KeystoreDirectory keystore = OpenKeystore(config);
            string password = PasswordSource.Get(config.GetPath(ConfigKeys.PasswordFile), context.PasswordPrompt, confirm: true);
            PrivateKey key = PrivateKey.Generate();
            string path = keystore.Store(key, password, parseResult.GetValue(light) ? ScryptParameters.Light : ScryptParameters.Standard);
            context.Output.WriteLine($"Public address of the key:   {key.Address}");
            context.Output.WriteLine($"Path of the secret key file: {path}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateList(CliContext context, Option<string> configOption)
    {
        Command command = new("list", "List the accounts in the keystore");
        ConfigOptions options = new();
        options.Add(command, ConfigKeys.Keystore, "Keystore directory (default ~/.trustchain/keystore)", "DIR");
        command.SetAction((parseResult, _) =>
        {
            KeystoreDirectory keystore = OpenKeystore(options.Resolve(parseResult, configOption, context));
            IReadOnlyList<KeystoreEntry> entries = keystore.List();
            for (int i = 0; i < entries.Count; i++)
            {
                context.Output.WriteLine($"Account #{i}: {entries[i].Address} keystore://{entries[i].Path}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateImport(CliContext context, Option<string> configOption)
    {
        Command command = new("import", "Import a hex private key from a file into the keystore");
        Argument<string> keyFile = new("keyfile") { Description = "File holding the private key as hex (with or without 0x)" };
        command.Arguments.Add(keyFile);
        ConfigOptions options = new();
        options.Add(command, ConfigKeys.Keystore, "Keystore directory (default ~/.trustchain/keystore)", "DIR");
        options.Add(command, ConfigKeys.PasswordFile, "File whose first line is the password (default: prompt)", "FILE");
        Option<bool> light = new("--light") { Description = "Cheap scrypt (n=4096) for throwaway keys" };
        command.Options.Add(light);
        command.SetAction((parseResult, _) =>
        {
            LayeredConfig config = options.Resolve(parseResult, configOption, context);
            KeystoreDirectory keystore = OpenKeystore(config);
            PrivateKey key = KeyFile.ReadHexKey(parseResult.GetValue(keyFile)!);
            string password = PasswordSource.Get(config.GetPath(ConfigKeys.PasswordFile), context.PasswordPrompt, confirm: true);
            string path = keystore.Store(key, password, parseResult.GetValue(light) ? ScryptParameters.Light : ScryptParameters.Standard);
            context.Output.WriteLine($"Address: {key.Address}");
            context.Output.WriteLine($"Path of the secret key file: {path}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static KeystoreDirectory OpenKeystore(LayeredConfig config) =>
        new(config.GetPath(ConfigKeys.Keystore) ?? Path.Combine(PathUtil.Home(config.Environment), ".trustchain", "keystore"));
}
