using System.Text.Json;
using TrustChain.Core;
using TrustChain.Core.Transactions;

namespace TrustChain.Node.Tx;

/// <summary>
/// Builds, signs and sends an EIP-1559 transaction over JSON-RPC: chain id from eth_chainId, nonce from
/// eth_getTransactionCount "pending", tip from eth_maxPriorityFeePerGas, fee cap 2 × latest base fee + tip (as
/// ethers does, so the transaction survives a few blocks of base-fee growth).
/// </summary>
public sealed class TransactionSender
{
    private readonly JsonRpcClient _rpc;

    public TransactionSender(JsonRpcClient rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    public async Task<Transaction> BuildAsync(SendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string from = request.From.Address.ToLowerHex();
        ulong chainId = RpcQuantity.ToUInt64(await _rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false), "eth_chainId");
        ulong nonce = RpcQuantity.ToUInt64(
            await _rpc.CallAsync("eth_getTransactionCount", [from, "pending"], cancellationToken).ConfigureAwait(false), "eth_getTransactionCount");
        UInt256 tip = RpcQuantity.ToUInt256(
            await _rpc.CallAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false), "eth_maxPriorityFeePerGas");
        JsonElement latest = await _rpc.CallAsync("eth_getBlockByNumber", ["latest", false], cancellationToken).ConfigureAwait(false);
        if (latest.ValueKind != JsonValueKind.Object || !latest.TryGetProperty("baseFeePerGas", out JsonElement baseFeeJson))
        {
            throw new JsonRpcClientException("eth_getBlockByNumber", 0, "latest block has no baseFeePerGas");
        }

        UInt256 baseFee = RpcQuantity.ToUInt256(baseFeeJson, "eth_getBlockByNumber.baseFeePerGas");
        UInt256 maxFee = baseFee * 2 + tip;
        ulong gasLimit = request.GasLimit ?? await EstimateGasAsync(from, request, cancellationToken).ConfigureAwait(false);
        Transaction unsigned = new()
        {
            Type = TxType.Eip1559,
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = request.To,
            Value = request.Value,
            Data = request.Data,
        };
        return TransactionSigner.Sign(unsigned, request.From);
    }

    public async Task<SendResult> SendAsync(SendRequest request, bool wait, TimeSpan waitTimeout, CancellationToken cancellationToken = default)
    {
        Transaction signed = await BuildAsync(request, cancellationToken).ConfigureAwait(false);
        string raw = Hex.ToHexString(TransactionEncoder.Encode(signed));
        JsonElement hashJson = await _rpc.CallAsync("eth_sendRawTransaction", [raw], cancellationToken).ConfigureAwait(false);
        if (hashJson.ValueKind != JsonValueKind.String || !Hash256.TryParse(hashJson.GetString(), out Hash256 hash) || hash != signed.Hash)
        {
            throw new JsonRpcClientException("eth_sendRawTransaction", 0, $"node answered {hashJson.GetRawText()}, expected {signed.Hash}");
        }

        if (!wait)
        {
            return new SendResult(hash, null, null, null);
        }

        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(waitTimeout);
        try
        {
            while (true)
            {
                JsonElement receipt = await _rpc.CallAsync("eth_getTransactionReceipt", [hash.ToString()], timeout.Token).ConfigureAwait(false);
                if (receipt.ValueKind == JsonValueKind.Object)
                {
                    return new SendResult(
                        hash,
                        RpcQuantity.ToUInt64(receipt.GetProperty("status"), "receipt.status") == 1,
                        RpcQuantity.ToUInt64(receipt.GetProperty("blockNumber"), "receipt.blockNumber"),
                        RpcQuantity.ToUInt64(receipt.GetProperty("gasUsed"), "receipt.gasUsed"));
                }

                await Task.Delay(200, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"transaction {hash} was not mined within {waitTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task<ulong> EstimateGasAsync(string from, SendRequest request, CancellationToken cancellationToken)
    {
        Dictionary<string, string> call = new()
        {
            ["from"] = from,
            ["to"] = request.To.ToLowerHex(),
            ["value"] = request.Value.ToHexQuantity(),
        };
        if (request.Data.Length > 0)
        {
            call["input"] = Hex.ToHexString(request.Data);
        }

        return RpcQuantity.ToUInt64(await _rpc.CallAsync("eth_estimateGas", [call], cancellationToken).ConfigureAwait(false), "eth_estimateGas");
    }
}
