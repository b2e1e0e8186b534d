using System.Text.Json;
using TrustChain.Chain.Persistence;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>Runs log queries over committed blocks with the module's range and result limits and geth's errors.</summary>
public static class LogQuery
{
    /// <summary>JSON-RPC code for a result cap hit (the code Infura/Alchemy and ethers know as "limit exceeded").</summary>
    public const int LimitExceededCode = -32005;

    public static IReadOnlyList<FilteredLog> Find(EthRpcContext context, LogFilterCriteria criteria)
    {
        if (criteria.BlockHash is { } hash)
        {
            BlockHeader header = context.Chain.GetHeader(hash) ?? throw RpcException.ServerError("unknown block");
            return FindInRange(context, criteria, header.Number, header.Number);
        }

        ulong from = context.ResolveNumber(criteria.FromBlock);
        ulong to = context.ResolveNumber(criteria.ToBlock);
        if (from > to)
        {
            throw RpcException.ServerError("invalid block range params");
        }

        // The requested span counts, not just its committed part, so a client learns the limit before it bites.
        CheckRange(context, from, to);
        ulong head = context.Chain.Head.Number;
        if (from > head)
        {
            return [];
        }

        return FindInRange(context, criteria, from, Math.Min(to, head));
    }

    public static IReadOnlyList<FilteredLog> FindInRange(EthRpcContext context, LogFilterCriteria criteria, ulong from, ulong to)
    {
        CheckRange(context, from, to);
        IReadOnlyList<FilteredLog> logs;
        try
        {
            logs = context.Chain.GetLogs(criteria.ToLogFilter(from, to));
        }
        catch (LogQueryException)
        {
            throw new RpcException(LimitExceededCode, $"query returned more than {context.Options.MaxLogResults} results");
        }

        if (logs.Count > context.Options.MaxLogResults)
        {
            throw new RpcException(LimitExceededCode, $"query returned more than {context.Options.MaxLogResults} results");
        }

        return logs;
    }

    private static void CheckRange(EthRpcContext context, ulong from, ulong to)
    {
        int maxRange = context.Options.MaxLogBlockRange;
        if (to - from >= (ulong)maxRange)
        {
            throw RpcException.ServerError($"query exceeds max block range {maxRange}");
        }
    }

    public static JsonResult ToJson(IReadOnlyList<FilteredLog> logs) => new(w => Write(w, logs));

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<FilteredLog> logs)
    {
        writer.WriteStartArray();
        for (int i = 0; i < logs.Count; i++)
        {
            FilteredLog log = logs[i];
            EthJson.WriteLog(writer, log.Log, log.BlockHash, log.BlockNumber, log.TransactionHash, log.TransactionIndex, log.LogIndex);
        }

        writer.WriteEndArray();
    }
}
