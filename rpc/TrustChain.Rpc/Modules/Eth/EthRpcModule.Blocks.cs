using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterBlockMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_getBlockByNumber", 2, p =>
        {
            BlockParameter block = BlockParameter.ParseNumberOrTag(p, 0);
            bool full = p.GetBool(1);
            return BlockJson(_context.FindBlock(block), full);
        });

        Add(registry, "eth_getBlockByHash", 2, p =>
        {
            Hash256 hash = ReadHash(p, 0);
            bool full = p.GetBool(1);
            return BlockJson(_context.Chain.GetBlock(hash), full);
        });

        Add(registry, "eth_getBlockTransactionCountByNumber", 1, p =>
            TransactionCount(_context.FindBlock(BlockParameter.ParseNumberOrTag(p, 0))));

        Add(registry, "eth_getBlockTransactionCountByHash", 1, p => TransactionCount(_context.Chain.GetBlock(ReadHash(p, 0))));

        Add(registry, "eth_getUncleCountByBlockNumber", 1, p =>
            _context.FindHeader(BlockParameter.ParseNumberOrTag(p, 0)) is null ? null : "0x0");

        Add(registry, "eth_getUncleCountByBlockHash", 1, p => _context.Chain.GetHeader(ReadHash(p, 0)) is null ? null : "0x0");

        Add(registry, "eth_getUncleByBlockNumberAndIndex", 2, p =>
        {
            _ = BlockParameter.ParseNumberOrTag(p, 0);
            _ = p.GetQuantity(1);
            return null;
        });

        Add(registry, "eth_getUncleByBlockHashAndIndex", 2, p =>
        {
            _ = ReadHash(p, 0);
            _ = p.GetQuantity(1);
            return null;
        });
    }

    private static JsonResult? BlockJson(Block? block, bool full) =>
        block is null ? null : new JsonResult(w => EthJson.WriteBlock(w, block, full));

    private static string? TransactionCount(Block? block) =>
        block is null ? null : RpcHex.EncodeQuantity((ulong)block.Transactions.Count);
}
