using System.Text.Json;
using TrustChain.Chain.Abi;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Node.Tx;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// Calls one contract through JSON-RPC with its ABI: views through eth_call, state changes as signed EIP-1559
/// transactions that are waited for. A reverted call surfaces as the node's "execution reverted: reason" error.
/// </summary>
public sealed class ContractClient
{
    private readonly JsonRpcClient _rpc;
    private readonly TransactionSender _sender;

    public ContractClient(JsonRpcClient rpc, Address address, ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(abi);
        _rpc = rpc;
        _sender = new TransactionSender(rpc);
        Address = address;
        Abi = abi;
    }

    public Address Address { get; }

    public ContractAbi Abi { get; }

    public JsonRpcClient Rpc => _rpc;

    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcQuantity.ToUInt64(await _rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false), "eth_chainId");

    /// <summary>eth_call on the latest block; returns the decoded outputs.</summary>
    public async Task<object[]> CallAsync(string function, object?[] arguments, Address? from = null, CancellationToken cancellationToken = default)
    {
        AbiFunction method = Abi.GetFunction(function);
        Dictionary<string, string> call = new()
        {
            ["to"] = Address.ToLowerHex(),
            ["input"] = Hex.ToHexString(method.EncodeCall(arguments)),
        };
        if (from is { } sender)
        {
            call["from"] = sender.ToLowerHex();
        }

        JsonElement result = await _rpc.CallAsync("eth_call", [call, "latest"], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.String || !Hex.TryFromHexString(result.GetString(), out byte[]? output))
        {
            throw new JsonRpcClientException("eth_call", 0, $"expected hex return data, got {result.GetRawText()}");
        }

        try
        {
            return method.DecodeOutput(output);
        }
        catch (AbiException e)
        {
            throw new JsonRpcClientException($"eth_call {method.Name}: the return data does not match the ABI: {e.Message}", e);
        }
    }

    /// <summary>Sends the call as a transaction and waits for its receipt; a failed transaction throws.</summary>
    public async Task<ContractReceipt> SendAsync(PrivateKey from, string function, object?[] arguments, UInt256 value, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        AbiFunction method = Abi.GetFunction(function);
        SendResult sent = await _sender.SendAsync(new SendRequest(from, Address, value, method.EncodeCall(arguments), null), wait: true, timeout,
            cancellationToken).ConfigureAwait(false);
        JsonElement receipt = await _rpc.CallAsync("eth_getTransactionReceipt", [sent.Hash.ToString()], cancellationToken).ConfigureAwait(false);
        if (sent.Succeeded != true)
        {
            throw new JsonRpcClientException(method.Name, 0, $"transaction {sent.Hash} failed in block {sent.BlockNumber}");
        }

        List<ContractLog> logs = [];
        if (receipt.ValueKind == JsonValueKind.Object && receipt.TryGetProperty("logs", out JsonElement items))
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                Hash256[] topics = item.GetProperty("topics").EnumerateArray().Select(static t => Hash256.Parse(t.GetString()!)).ToArray();
                logs.Add(new ContractLog(Address.Parse(item.GetProperty("address").GetString()!), topics,
                    Hex.FromHexString(item.GetProperty("data").GetString()!)));
            }
        }

        return new ContractReceipt(sent.Hash, sent.BlockNumber ?? 0, sent.GasUsed ?? 0, logs);
    }

    /// <summary>The first log of <paramref name="eventName"/> emitted by this contract in the receipt.</summary>
    public ContractLog FindEvent(ContractReceipt receipt, string eventName)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Hash256 topic = Abi.GetEvent(eventName).Topic0;
        foreach (ContractLog log in receipt.Logs)
        {
            if (log.Address == Address && log.Topics.Length > 0 && log.Topics[0] == topic)
            {
                return log;
            }
        }

        throw new JsonRpcClientException(eventName, 0, $"transaction {receipt.Hash} emitted no {eventName} event");
    }
}
