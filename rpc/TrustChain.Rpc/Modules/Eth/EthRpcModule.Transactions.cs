using TrustChain.Chain.Blocks;
using TrustChain.Chain.Persistence;
using TrustChain.Chain.TxPool;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterTransactionMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_sendRawTransaction", 1, p => SendRawTransaction(p.GetBytes(0)));

        Add(registry, "eth_getTransactionByHash", 1, p =>
        {
            Hash256 hash = ReadHash(p, 0);
            if (_context.Chain.GetTransaction(hash) is { } lookup)
            {
                return MinedTransactionJson(lookup.Transaction, lookup.BlockHash, lookup.BlockNumber, lookup.Index);
            }

            return _context.Pool.TryGet(hash, out Transaction? pending)
                ? new JsonResult(w => EthJson.WriteTransaction(w, pending!, null))
                : null;
        });

        Add(registry, "eth_getTransactionByBlockHashAndIndex", 2, p =>
            TransactionAt(_context.Chain.GetBlock(ReadHash(p, 0)), p.GetQuantity(1)));

        Add(registry, "eth_getTransactionByBlockNumberAndIndex", 2, p =>
            TransactionAt(_context.FindBlock(BlockParameter.ParseNumberOrTag(p, 0)), p.GetQuantity(1)));

        Add(registry, "eth_getTransactionReceipt", 1, p => Receipt(ReadHash(p, 0)));

        Add(registry, "eth_getBlockReceipts", 1, p =>
        {
            Block? block = _context.FindBlock(BlockParameter.ParseNumberOrHash(p, 0));
            if (block is null)
            {
                return null;
            }

            IReadOnlyList<TxReceipt> receipts = _context.Chain.GetReceipts(block.Hash) ?? [];
            return new JsonResult(w =>
            {
                w.WriteStartArray();
                int logIndex = 0;
                for (int i = 0; i < receipts.Count; i++)
                {
                    EthJson.WriteReceipt(w, receipts[i], logIndex);
                    logIndex += receipts[i].Logs.Count;
                }

                w.WriteEndArray();
            });
        });
    }

    /// <summary>Decodes strictly and submits to the pool; every refusal is -32000 with geth's message.</summary>
    private string SendRawTransaction(byte[] raw)
    {
        Transaction tx;
        try
        {
            tx = TransactionDecoder.Decode(raw);
        }
        catch (TransactionDecodeException e)
        {
            throw RpcException.ServerError(DecodeErrorMessage(e));
        }

        TxPoolSubmitResult result = _context.Pool.Submit(tx);
        if (!result.Accepted)
        {
            throw RpcException.ServerError(result.Message ?? result.Error.ToString());
        }

        return EthJson.HashHex(result.Hash);
    }

    /// <summary>geth words decoding failures as "rlp: ..." and unknown types as "transaction type not supported".</summary>
    internal static string DecodeErrorMessage(TransactionDecodeException e)
    {
        if (e.Reason == Core.Transactions.TxErrors.TypeNotSupported)
        {
            return "transaction type not supported";
        }

        string detail = e.InnerException?.Message ?? e.Message;
        string prefix = e.Reason + ": ";
        if (detail.StartsWith(prefix, StringComparison.Ordinal))
        {
            detail = detail[prefix.Length..];
        }

        detail = detail.TrimEnd('.');
        if (detail.Length > 0)
        {
            detail = char.ToLowerInvariant(detail[0]) + detail[1..];
        }

        return "rlp: " + detail;
    }

    private JsonResult? MinedTransactionJson(Transaction tx, Hash256 blockHash, ulong number, int index)
    {
        BlockHeader? header = _context.Chain.GetHeader(blockHash);
        if (header is null)
        {
            return null;
        }

        var position = new TransactionPosition(blockHash, number, index, header.BaseFeePerGas);
        return new JsonResult(w => EthJson.WriteTransaction(w, tx, position));
    }

    private static JsonResult? TransactionAt(Block? block, ulong index)
    {
        if (block is null || index >= (ulong)block.Transactions.Count)
        {
            return null;
        }

        Transaction tx = block.Transactions[(int)index];
        var position = new TransactionPosition(block.Hash, block.Number, (int)index, block.Header.BaseFeePerGas);
        return new JsonResult(w => EthJson.WriteTransaction(w, tx, position));
    }

    private JsonResult? Receipt(Hash256 txHash)
    {
        BlockStore store = _context.Chain.Store;
        if (store.GetTransactionLocation(txHash) is not { } location || _context.Chain.GetReceipts(location.BlockHash) is not { } receipts)
        {
            return null;
        }

        int firstLog = 0;
        for (int i = 0; i < location.Index; i++)
        {
            firstLog += receipts[i].Logs.Count;
        }

        TxReceipt receipt = receipts[location.Index];
        return new JsonResult(w => EthJson.WriteReceipt(w, receipt, firstLog));
    }
}
