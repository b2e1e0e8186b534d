using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using TrustChain.Chain.Persistence;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// Installed filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter). Block and log filters keep a
/// block cursor and read committed blocks when polled; pending-transaction filters buffer hashes from the pool.
/// Filters idle for <see cref="EthRpcOptions.FilterTimeout"/> are removed, as geth does.
/// </summary>
public sealed class FilterManager : IDisposable
{
    private const string NotFound = "filter not found";

    private readonly EthRpcContext _context;
    private readonly ConcurrentDictionary<string, InstalledFilter> _filters = new(StringComparer.Ordinal);
    private readonly ITimer _sweeper;
    private int _pendingFilters;

    public FilterManager(EthRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        TimeSpan period = context.Options.FilterTimeout < TimeSpan.FromMinutes(1) ? context.Options.FilterTimeout : TimeSpan.FromMinutes(1);
        _sweeper = context.Time.CreateTimer(static s => ((FilterManager)s!).Sweep(), this, period, period);
        context.Pool.TransactionAdded += OnTransactionAdded;
    }

    public int Count => _filters.Count;

    public string NewLogFilter(LogFilterCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return Install(id => new LogFilterInstance(id, Now, criteria, _context.Chain.Head.Number + 1));
    }

    public string NewBlockFilter() => Install(id => new BlockFilterInstance(id, Now, _context.Chain.Head.Number + 1));

    public string NewPendingTransactionFilter()
    {
        Interlocked.Increment(ref _pendingFilters);
        return Install(id => new PendingTransactionFilterInstance(id, Now, _context.Options.MaxPendingFilterHashes));
    }

    public bool Uninstall(string id)
    {
        if (!_filters.TryRemove(id, out InstalledFilter? filter))
        {
            return false;
        }

        if (filter is PendingTransactionFilterInstance)
        {
            Interlocked.Decrement(ref _pendingFilters);
        }

        return true;
    }

    /// <summary>eth_getFilterChanges: block hashes, transaction hashes or logs since the previous poll.</summary>
    public JsonResult GetChanges(string id)
    {
        InstalledFilter filter = Get(id);
        switch (filter)
        {
            case BlockFilterInstance blocks:
                return BlockChanges(blocks);
            case PendingTransactionFilterInstance pending:
                Hash256[] hashes = pending.Drain();
                return new JsonResult(w => WriteHashes(w, hashes));
            case LogFilterInstance logs:
                IReadOnlyList<FilteredLog> found = LogChanges(logs);
                return LogQuery.ToJson(found);
            default:
                throw RpcException.ServerError(NotFound);
        }
    }

    /// <summary>eth_getFilterLogs: every log the filter's criteria match (log filters only).</summary>
    public JsonResult GetLogs(string id)
    {
        if (Get(id) is not LogFilterInstance filter)
        {
            throw RpcException.ServerError(NotFound);
        }

        return LogQuery.ToJson(LogQuery.Find(_context, filter.Criteria));
    }

    /// <summary>Removes filters idle longer than the timeout; runs on a timer and before each lookup.</summary>
    public void Sweep()
    {
        DateTimeOffset deadline = Now - _context.Options.FilterTimeout;
        foreach (KeyValuePair<string, InstalledFilter> entry in _filters)
        {
            if (entry.Value.LastUsed < deadline)
            {
                Uninstall(entry.Key);
            }
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        _context.Pool.TransactionAdded -= OnTransactionAdded;
        _filters.Clear();
    }

    private DateTimeOffset Now => _context.Time.GetUtcNow();

    private string Install(Func<string, InstalledFilter> create)
    {
        Sweep();
        while (true)
        {
            string id = RpcHex.EncodeBytes(RandomNumberGenerator.GetBytes(16));
            if (_filters.TryAdd(id, create(id)))
            {
                return id;
            }
        }
    }

    private InstalledFilter Get(string id)
    {
        Sweep();
        if (!_filters.TryGetValue(id, out InstalledFilter? filter))
        {
            throw RpcException.ServerError(NotFound);
        }

        filter.Touch(Now);
        return filter;
    }

    private JsonResult BlockChanges(BlockFilterInstance filter)
    {
        List<Hash256> hashes = [];
        lock (filter.Sync)
        {
            ulong head = _context.Chain.Head.Number;
            for (ulong n = filter.NextBlock; n <= head; n++)
            {
                hashes.Add(_context.Chain.Store.GetCanonicalHash(n) ?? throw new InvalidDataException($"missing canonical hash of block {n}"));
            }

            filter.NextBlock = Math.Max(filter.NextBlock, head + 1);
        }

        return new JsonResult(w => WriteHashes(w, hashes));
    }

    private IReadOnlyList<FilteredLog> LogChanges(LogFilterInstance filter)
    {
        LogFilterCriteria criteria = filter.Criteria;
        lock (filter.Sync)
        {
            ulong head = _context.Chain.Head.Number;
            ulong from = filter.NextBlock;
            if (criteria.BlockHash is null && criteria.FromBlock.Tag is BlockTag.Number or BlockTag.Earliest)
            {
                from = Math.Max(from, _context.ResolveNumber(criteria.FromBlock));
            }

            ulong to = head;
            if (criteria.BlockHash is null && criteria.ToBlock.Tag is BlockTag.Number or BlockTag.Earliest)
            {
                to = Math.Min(to, _context.ResolveNumber(criteria.ToBlock));
            }

            if (from > to)
            {
                filter.NextBlock = Math.Max(filter.NextBlock, head + 1);
                return [];
            }

            // A filter that was not polled for many blocks catches up in steps of the range limit.
            ulong window = (ulong)_context.Options.MaxLogBlockRange;
            if (to - from >= window)
            {
                to = from + window - 1;
            }

            IReadOnlyList<FilteredLog> logs = criteria.BlockHash is { } hash
                ? LogsOfBlockHash(criteria, hash, from, to)
                : LogQuery.FindInRange(_context, criteria, from, to);
            filter.NextBlock = to + 1;
            return logs;
        }
    }

    private IReadOnlyList<FilteredLog> LogsOfBlockHash(LogFilterCriteria criteria, Hash256 hash, ulong from, ulong to)
    {
        if (_context.Chain.GetHeader(hash) is not { } header || header.Number < from || header.Number > to)
        {
            return [];
        }

        return LogQuery.FindInRange(_context, criteria, header.Number, header.Number);
    }

    private void OnTransactionAdded(Transaction tx)
    {
        if (Volatile.Read(ref _pendingFilters) == 0)
        {
            return;
        }

        Hash256 hash = tx.Hash;
        foreach (KeyValuePair<string, InstalledFilter> entry in _filters)
        {
            if (entry.Value is PendingTransactionFilterInstance pending)
            {
                pending.Add(hash);
            }
        }
    }

    private static void WriteHashes(Utf8JsonWriter writer, IReadOnlyList<Hash256> hashes)
    {
        writer.WriteStartArray();
        for (int i = 0; i < hashes.Count; i++)
        {
            writer.WriteStringValue(EthJson.HashHex(hashes[i]));
        }

        writer.WriteEndArray();
    }
}
