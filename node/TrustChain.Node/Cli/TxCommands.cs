using System.CommandLine;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Config;
using TrustChain.Node.Dev;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Cli;

/// <summary>`trustchain tx send`: a signed EIP-1559 transfer or call through a node's JSON-RPC.</summary>
public static class TxCommands
{
    public static Command Create(CliContext context)
    {
        Command tx = new("tx", "Transaction helpers");
        tx.Subcommands.Add(CreateSend(context));
        return tx;
    }

    private static Command CreateSend(CliContext context)
    {
        Command command = new("send", "Sign and send an EIP-1559 transaction");
        Option<string> rpc = new("--rpc") { Description = "JSON-RPC URL", DefaultValueFactory = _ => "http://127.0.0.1:8545" };
        Option<string> fromKey = new("--from-key") { Description = "Sender key: a file with a hex key or a keystore JSON", HelpName = "FILE" };
        Option<int?> devAccount = new("--dev-account") { Description = "Sender = dev account N (0-9), dev chains only", HelpName = "N" };
        Option<string> passwordFile = new("--password-file") { Description = "Password for a keystore --from-key", HelpName = "FILE" };
        Option<string> to = new("--to") { Description = "Recipient address", Required = true };
        Option<string> value = new("--value") { Description = "Amount in wei (decimal or 0x hex)", DefaultValueFactory = _ => "0" };
        Option<string> data = new("--data") { Description = "Calldata as hex" };
        Option<ulong?> gas = new("--gas") { Description = "Gas limit (default: eth_estimateGas)" };
        Option<bool> wait = new("--wait") { Description = "Wait for the receipt" };
        Option<int> timeout = new("--timeout") { Description = "Seconds to wait for the receipt", DefaultValueFactory = _ => 60 };
        foreach (Option option in new Option[] { rpc, fromKey, devAccount, passwordFile, to, value, data, gas, wait, timeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? keyPath = parseResult.GetValue(fromKey);
            int? dev = parseResult.GetValue(devAccount);
            if ((keyPath is null) == (dev is null))
            {
                throw new ConfigException("give exactly one of --from-key FILE or --dev-account N.");
            }

            if (dev is { } index && (index < 0 || index >= DevAccounts.Count))
            {
                throw new ConfigException($"--dev-account must be between 0 and {DevAccounts.Count - 1}, got {index}.");
            }

            Uri endpoint = ParseUrl(parseResult.GetValue(rpc)!);
            Address recipient = ParseAddress(parseResult.GetValue(to)!);
            UInt256 amount = ParseWei(parseResult.GetValue(value)!);
            byte[] calldata = ParseData(parseResult.GetValue(data));
            int waitSeconds = parseResult.GetValue(timeout);
            if (waitSeconds <= 0)
            {
                throw new ConfigException($"--timeout must be positive, got {waitSeconds}.");
            }

            PrivateKey sender = dev is { } n
                ? DevAccounts.Get(n)
                : KeyFile.ReadKeyOrKeystore(keyPath!, parseResult.GetValue(passwordFile), context.PasswordPrompt);

            using JsonRpcClient client = new(endpoint);
            TransactionSender transactions = new(client);
            SendResult result = await transactions.SendAsync(
                new SendRequest(sender, recipient, amount, calldata, parseResult.GetValue(gas)),
                parseResult.GetValue(wait),
                TimeSpan.FromSeconds(waitSeconds),
                cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(result.Hash.ToString());
            if (result.Succeeded is { } ok)
            {
                context.Output.WriteLine($"status={(ok ? "success" : "failed")} block={result.BlockNumber} gasUsed={result.GasUsed}");
                return ok ? ExitCodes.Success : ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigException($"--rpc must be an http(s) URL, got \"{text}\".");
        }

        return uri;
    }

    private static Address ParseAddress(string text)
    {
        try
        {
            return Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ConfigException($"--to: {e.Message}", e);
        }
    }

    private static UInt256 ParseWei(string text)
    {
        if (!UInt256.TryParse(text, out UInt256 wei))
        {
            throw new ConfigException($"--value must be a non-negative integer amount of wei (decimal or 0x hex), got \"{text}\".");
        }

        return wei;
    }

    private static byte[] ParseData(string? text)
    {
        if (text is null)
        {
            return [];
        }

        if (!Hex.TryFromHexString(text, out byte[]? bytes))
        {
            throw new ConfigException($"--data must be hex bytes, got \"{text}\".");
        }

        return bytes;
    }
}
