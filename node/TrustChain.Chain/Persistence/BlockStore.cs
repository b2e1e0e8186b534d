using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Storage;

namespace TrustChain.Chain.Persistence;

/// <summary>
/// Blocks, receipts, indexes and the head pointer. Each committed block is ONE synced RocksDB write batch that also
/// carries the block's state changes, so after a crash either the whole block (state included) is there or none of it.
/// One writer (the commit path); any number of concurrent readers, which only ever see fully committed blocks.
/// </summary>
public sealed class BlockStore
{
    public const int DefaultMaxLogBlockRange = 10_000;
    public const int DefaultMaxLogResults = 10_000;

    private readonly RocksDatabase _db;
    private readonly StateDatabase _state;
    private readonly ulong _stateHistory;
    private readonly ColumnFamily _headers;
    private readonly ColumnFamily _blocks;
    private readonly ColumnFamily _receipts;
    private readonly ColumnFamily _txIndex;
    private readonly ColumnFamily _meta;
    private readonly LogIndex _logIndex;
    private readonly object _writeLock = new();
    private volatile BlockHeader? _head;

    public BlockStore(RocksDatabase db, StateDatabase state, ulong stateHistory)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        if (stateHistory == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stateHistory), "state history must keep at least the head version");
        }

        _db = db;
        _state = state;
        _stateHistory = stateHistory;
        _headers = db.GetColumnFamily(DbColumns.Headers);
        _blocks = db.GetColumnFamily(DbColumns.Blocks);
        _receipts = db.GetColumnFamily(DbColumns.Receipts);
        _txIndex = db.GetColumnFamily(DbColumns.TxIndex);
        _meta = db.GetColumnFamily(DbColumns.Meta);
        _logIndex = new LogIndex(db);
        _head = LoadHead();
    }

    /// <summary>Latest committed header, null for an empty store.</summary>
    public BlockHeader? Head => _head;

    public int MaxLogBlockRange { get; init; } = DefaultMaxLogBlockRange;

    public int MaxLogResults { get; init; } = DefaultMaxLogResults;

    public StateDatabase State => _state;

    public Hash256? GenesisHash => _db.Get(_meta, ChainDbKeys.Genesis) is { } value ? ChainDbKeys.ParseHash(value, "genesis hash") : null;

    /// <summary>Writes block 0 and its state; the store must be empty.</summary>
    public void WriteGenesis(Block genesis, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        if (genesis.Number != 0)
        {
            throw new ArgumentException($"genesis must be block 0, got {genesis.Number}", nameof(genesis));
        }

        WriteBlock(genesis, [], null, state, isGenesis: true);
    }

    /// <summary>
    /// Persists the head's child atomically: state changes (plus pruning beyond the state history), header, body,
    /// canonical mapping, receipts, tx and log indexes, the block's own commit, then the head pointer.
    /// </summary>
    /// <param name="commit">Signatures finalising <paramref name="block"/> (the next block's lastCommit), if known.</param>
    public void Commit(Block block, IReadOnlyList<TxReceipt> receipts, Commit? commit, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(receipts);
        WriteBlock(block, receipts, commit, state, isGenesis: false);
    }

    public Hash256? GetCanonicalHash(ulong number) =>
        _db.Get(_headers, ChainDbKeys.Number(number)) is { } value ? ChainDbKeys.ParseHash(value, $"canonical hash of block {number}") : null;

    public BlockHeader? GetHeader(Hash256 hash) => _db.Get(_headers, hash.Bytes) is { } value ? HeaderDecoder.Decode(value) : null;

    public BlockHeader? GetHeader(ulong number) => GetCanonicalHash(number) is { } hash ? GetHeader(hash) : null;

    /// <summary>The block with its transactions' senders filled in from the stored receipts.</summary>
    public Block? GetBlock(Hash256 hash)
    {
        byte[]? encoded = _db.Get(_blocks, hash.Bytes);
        if (encoded is null)
        {
            return null;
        }

        Block block = BlockDecoder.Decode(encoded);
        if (block.Transactions.Count > 0 && GetReceipts(hash) is { } receipts)
        {
            if (receipts.Length != block.Transactions.Count)
            {
                throw new InvalidDataException($"block {hash} has {block.Transactions.Count} transactions but {receipts.Length} stored receipts");
            }

            for (int i = 0; i < receipts.Length; i++)
            {
                block.Transactions[i].Sender = receipts[i].Sender;
            }
        }

        return block;
    }

    public Block? GetBlock(ulong number) => GetCanonicalHash(number) is { } hash ? GetBlock(hash) : null;

    public TxReceipt[]? GetReceipts(Hash256 blockHash)
    {
        byte[]? encoded = _db.Get(_receipts, blockHash.Bytes);
        if (encoded is null)
        {
            return null;
        }

        BlockHeader header = GetHeader(blockHash) ?? throw new InvalidDataException($"receipts stored for unknown block {blockHash}");
        return StoredReceiptCodec.Decode(encoded, blockHash, header.Number);
    }

    public TxLocation? GetTransactionLocation(Hash256 txHash)
    {
        byte[]? value = _db.Get(_txIndex, txHash.Bytes);
        if (value is null)
        {
            return null;
        }

        (ulong number, int index) = ChainDbKeys.ParseTxLocation(value);
        Hash256 blockHash = GetCanonicalHash(number) ?? throw new InvalidDataException($"tx {txHash} indexed in missing block {number}");
        return new TxLocation(blockHash, number, index);
    }

    /// <summary>The commit that finalised block <paramref name="number"/>, if it was stored with the block.</summary>
    public Commit? GetCommit(ulong number) => _db.Get(_blocks, ChainDbKeys.Commit(number)) is { } value ? Core.Blocks.Commit.Decode(value) : null;

    /// <summary>
    /// eth_getLogs over committed blocks. The range is clamped to the head; a range wider than
    /// <see cref="MaxLogBlockRange"/> or more than <see cref="MaxLogResults"/> matches throws <see cref="LogQueryException"/>.
    /// </summary>
    public IReadOnlyList<FilteredLog> FindLogs(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        BlockHeader? head = _head;
        if (head is null || filter.FromBlock > head.Number)
        {
            return [];
        }

        ulong to = Math.Min(filter.ToBlock, head.Number);
        if (to - filter.FromBlock >= (ulong)MaxLogBlockRange)
        {
            throw new LogQueryException($"block range too large: {to - filter.FromBlock + 1} blocks, limit {MaxLogBlockRange}");
        }

        LogFilter bounded = to == filter.ToBlock ? filter : new LogFilter(filter.FromBlock, to, filter.Addresses, filter.Topics);
        List<FilteredLog> result = [];
        foreach (ulong number in _logIndex.FindCandidateBlocks(bounded))
        {
            Hash256 blockHash = GetCanonicalHash(number) ?? throw new InvalidDataException($"log index refers to missing block {number}");
            TxReceipt[] receipts = GetReceipts(blockHash) ?? throw new InvalidDataException($"block {number} has no stored receipts");
            int logIndex = 0;
            for (int t = 0; t < receipts.Length; t++)
            {
                IReadOnlyList<LogEntry> logs = receipts[t].Logs;
                for (int l = 0; l < logs.Count; l++, logIndex++)
                {
                    if (!bounded.Matches(logs[l]))
                    {
                        continue;
                    }

                    if (result.Count == MaxLogResults)
                    {
                        throw new LogQueryException($"query returned more than {MaxLogResults} results");
                    }

                    result.Add(new FilteredLog(logs[l], number, blockHash, receipts[t].TxHash, t, logIndex));
                }
            }
        }

        return result;
    }

    private void WriteBlock(Block block, IReadOnlyList<TxReceipt> receipts, Commit? commit, WorldState state, bool isGenesis)
    {
        ArgumentNullException.ThrowIfNull(state);
        BlockHeader header = block.Header;
        if (receipts.Count != block.Transactions.Count)
        {
            throw new ArgumentException($"{receipts.Count} receipts for {block.Transactions.Count} transactions", nameof(receipts));
        }

        if (commit is not null && (commit.Height != header.Number || commit.BlockHash != header.Hash))
        {
            throw new ArgumentException($"commit is for block {commit.Height} ({commit.BlockHash}), not {header.Number} ({header.Hash})", nameof(commit));
        }

        lock (_writeLock)
        {
            BlockHeader? head = _head;
            if (isGenesis ? head is not null : head is null || header.Number != head.Number + 1 || header.ParentHash != head.Hash)
            {
                throw new InvalidOperationException(
                    $"block {header.Number} ({header.Hash}) does not extend the stored head {(head is null ? "(empty store)" : head.ToString())}");
            }

            using WriteBatch batch = _db.CreateWriteBatch();
            Hash256 stateRoot = state.Commit(batch, header.Number);
            if (stateRoot != header.StateRoot)
            {
                throw new InvalidOperationException($"state overlay commits root {stateRoot}, block {header.Number} declares {header.StateRoot}");
            }

            if (header.Number >= _stateHistory && header.Number > 0)
            {
                // Keep the roots of the last stateHistory blocks, this one included; Prune bounds by the committed latest.
                ulong keepFrom = Math.Min(header.Number + 1 - _stateHistory, header.Number - 1);
                if (keepFrom > _state.OldestRetainedVersion)
                {
                    _state.Prune(keepFrom, batch);
                }
            }

            Hash256 hash = header.Hash;
            batch.Put(_headers, hash.Bytes, HeaderEncoder.Encode(header));
            batch.Put(_headers, ChainDbKeys.Number(header.Number), hash.Bytes);
            batch.Put(_blocks, hash.Bytes, BlockEncoder.Encode(block));
            batch.Put(_receipts, hash.Bytes, StoredReceiptCodec.Encode(receipts));
            for (int i = 0; i < block.Transactions.Count; i++)
            {
                batch.Put(_txIndex, block.Transactions[i].Hash.Bytes, ChainDbKeys.TxLocationValue(header.Number, i));
            }

            _logIndex.Index(batch, header.Number, receipts);
            if (commit is not null)
            {
                batch.Put(_blocks, ChainDbKeys.Commit(header.Number), commit.Encode());
            }

            if (isGenesis)
            {
                batch.Put(_meta, ChainDbKeys.Genesis, hash.Bytes);
            }

            batch.Put(_meta, ChainDbKeys.Head, hash.Bytes);
            _db.Write(batch, sync: true);
            state.MarkCommitted();
            _head = header;
        }
    }

    private BlockHeader? LoadHead()
    {
        byte[]? value = _db.Get(_meta, ChainDbKeys.Head);
        if (value is null)
        {
            return null;
        }

        Hash256 hash = ChainDbKeys.ParseHash(value, "head hash");
        return GetHeader(hash) ?? throw new InvalidDataException($"head {hash} has no stored header");
    }
}
