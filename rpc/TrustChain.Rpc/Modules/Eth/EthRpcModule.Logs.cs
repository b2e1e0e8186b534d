using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterLogMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_getLogs", 1, p => LogQuery.ToJson(LogQuery.Find(_context, LogFilterCriteria.Parse(p, 0))));
        Add(registry, "eth_newFilter", 1, p => _context.Filters.NewLogFilter(LogFilterCriteria.Parse(p, 0)));
        Add(registry, "eth_newBlockFilter", 0, _ => _context.Filters.NewBlockFilter());
        Add(registry, "eth_newPendingTransactionFilter", 1, p =>
        {
            // geth's optional fullTx flag; only hashes are offered.
            if (p.GetOptionalBool(0) == true)
            {
                throw RpcException.InvalidArgument(0, "full transaction objects are not supported by polling filters");
            }

            return _context.Filters.NewPendingTransactionFilter();
        });
        Add(registry, "eth_getFilterChanges", 1, p => _context.Filters.GetChanges(p.GetString(0)));
        Add(registry, "eth_getFilterLogs", 1, p => _context.Filters.GetLogs(p.GetString(0)));
        Add(registry, "eth_uninstallFilter", 1, p => _context.Filters.Uninstall(p.GetString(0)));
    }
}
