using System.CommandLine;
using TrustChain.Chain.Abi;
using TrustChain.Core;
using TrustChain.Core.Receipts;
using TrustChain.Node.ModelHost;
using TrustChain.Node.Tx;

namespace TrustChain.Node.Cli;

/// <summary>The --rpc and --timeout options of the stake/human commands, and the signer options of those that send.</summary>
public sealed class RegistryCommandOptions
{
    private readonly Option<string> _rpc = new("--rpc") { Description = "JSON-RPC URL of a node", DefaultValueFactory = _ => "http://127.0.0.1:8545" };
    private readonly Option<int> _timeout = new("--timeout") { Description = "Seconds to wait for the receipt", DefaultValueFactory = _ => 60 };

    public RegistryCommandOptions(Command command, bool signs = true)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_rpc);
        if (signs)
        {
            command.Options.Add(_timeout);
            Signer.AddTo(command);
        }
    }

    public CliSigner Signer { get; } = new();

    public JsonRpcClient Rpc(ParseResult parseResult) => new(CliValues.Url("--rpc", parseResult.GetValue(_rpc)!));

    public static ContractClient Contract(JsonRpcClient rpc, Address address, ContractAbi abi) => new(rpc, address, abi);

    /// <summary>All values (indexed ones too) of the first <paramref name="eventName"/> the contract emitted in the receipt, in declaration order.</summary>
    public static object[] EventValues(ContractClient contract, ContractReceipt receipt, string eventName)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ContractLog log = contract.FindEvent(receipt, eventName);
        return contract.Abi.GetEvent(eventName).Decode(new LogEntry(log.Address, log.Topics, log.Data));
    }

    public TimeSpan Timeout(ParseResult parseResult)
    {
        int seconds = parseResult.GetValue(_timeout);
        CliValues.Positive("--timeout", seconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
