using TrustChain.Chain.Execution;
using TrustChain.Chain.Persistence;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Storage;
using ChainTxValidator = TrustChain.Chain.Validation.TransactionValidator;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// The chain as the rest of the node sees it: genesis on first open, the head and history for RPC, building,
/// validating and committing blocks for consensus. Block production (build/process/commit) is serialised; readers
/// never block and only ever see fully committed blocks.
/// </summary>
public sealed class Blockchain : IBlockApplication, IDisposable
{
    // More than a block may carry, so items the chain drops (already punished, stale) do not starve valid ones.
    private const int MaxEvidenceCandidates = 64;

    private readonly RocksDatabase _db;
    private readonly bool _ownsDatabase;
    private readonly StateDatabase _stateDb;
    private readonly BlockStore _store;
    private readonly BlockBuilder _builder;
    private readonly BlockProcessor _processor;
    private readonly object _productionLock = new();
    private readonly Dictionary<Hash256, ExecutedBlock> _executed = [];

    private Blockchain(RocksDatabase db, bool ownsDatabase, ChainSpec spec, BlockchainOptions options)
    {
        _db = db;
        _ownsDatabase = ownsDatabase;
        Spec = spec;
        SystemContracts = options.SystemContracts;
        Hooks = options.Hooks;
        ValidatorsHash = ValidatorSetHash.Compute(spec.Validators);
        _stateDb = new StateDatabase(db, options.StateOptions);
        _store = new BlockStore(db, _stateDb, spec.Parameters.StateHistory)
        {
            MaxLogBlockRange = options.MaxLogBlockRange,
            MaxLogResults = options.MaxLogResults,
        };
        TransactionProcessor processor = new(new ChainTxValidator(spec, options.AllowUnprotectedTransactions), options.SystemContracts);
        BlockExecutor executor = new(processor, options.Hooks);
        _builder = new BlockBuilder(spec, executor, options.ValidatorSets);
        _processor = new BlockProcessor(spec, executor, options.ValidatorSets);

        WorldState genesisState = _stateDb.OpenWorldState(StateDatabase.EmptyRoot);
        Block genesis = GenesisBuilder.Build(spec, genesisState, ValidatorsHash, options.Hooks.HumanSetRootProvider, options.GenesisInitializers);
        if (_store.Head is null)
        {
            _store.WriteGenesis(genesis, genesisState);
        }
        else if (_store.GenesisHash is not { } stored)
        {
            throw new InvalidDataException("data dir has a head but no genesis record");
        }
        else if (stored != genesis.Hash)
        {
            throw new GenesisMismatchException(stored, genesis.Hash);
        }

        GenesisHash = genesis.Hash;
    }

    /// <summary>Raised after a block is durably committed, on the committing thread.</summary>
    public event Action<Block, IReadOnlyList<TxReceipt>>? BlockCommitted;

    public ChainSpec Spec { get; }

    public SystemContractRegistry SystemContracts { get; }

    public BlockHookPipeline Hooks { get; }

    public Hash256 ValidatorsHash { get; }

    public Hash256 GenesisHash { get; }

    public StateDatabase StateDatabase => _stateDb;

    /// <summary>The underlying database, for size and health properties (metrics); writes go through the chain.</summary>
    public RocksDatabase Database => _db;

    public BlockStore Store => _store;

    /// <summary>When set, proposals take their transactions from it and it is told about every committed block.</summary>
    public TxPool.TxPool? TxPool { get; set; }

    /// <summary>
    /// When set, proposals take candidate evidence from it (the chain keeps only what it accepts) and it is told which
    /// evidence every committed block carried.
    /// </summary>
    public IEvidenceSource? EvidenceSource { get; set; }

    public BlockHeader Head => _store.Head!;

    /// <summary>Base fee of the block after the head.</summary>
    public UInt256 NextBaseFee => _builder.NextBaseFee(Head);

    public IStateReader HeadState => _stateDb.GetReader(Head.StateRoot);

    /// <summary>Opens (or creates) the database in <paramref name="dataDir"/>; disposing the chain closes it.</summary>
    public static Blockchain Open(string dataDir, ChainSpec spec, BlockchainOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new BlockchainOptions();
        RocksDatabase db = RocksDatabase.Open(dataDir, DbColumns.All, options.DatabaseSettings);
        try
        {
            return new Blockchain(db, ownsDatabase: true, spec, options);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Over a database the caller owns (and disposes).</summary>
    public static Blockchain Open(RocksDatabase db, ChainSpec spec, BlockchainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(spec);
        return new Blockchain(db, ownsDatabase: false, spec, options ?? new BlockchainOptions());
    }

    public BlockHeader? GetHeader(ulong number) => _store.GetHeader(number);

    public BlockHeader? GetHeader(Hash256 hash) => _store.GetHeader(hash);

    public Block? GetBlock(ulong number) => _store.GetBlock(number);

    public Block? GetBlock(Hash256 hash) => _store.GetBlock(hash);

    public IReadOnlyList<TxReceipt>? GetReceipts(Hash256 blockHash) => _store.GetReceipts(blockHash);

    public TxReceipt? GetReceipt(Hash256 txHash) =>
        GetCommittedLocation(txHash) is { } location && _store.GetReceipts(location.BlockHash) is { } receipts
            ? receipts[location.Index]
            : null;

    public TransactionLookup? GetTransaction(Hash256 txHash)
    {
        if (GetCommittedLocation(txHash) is not { } location || _store.GetBlock(location.BlockHash) is not { } block)
        {
            return null;
        }

        return new TransactionLookup(block.Transactions[location.Index], location.BlockHash, location.BlockNumber, location.Index);
    }

    public IReadOnlyList<FilteredLog> GetLogs(LogFilter filter) => _store.FindLogs(filter);

    /// <summary>A reader pinned to a root within the state history (throws <see cref="StateRootNotFoundException"/> beyond it).</summary>
    public IStateReader GetState(Hash256 stateRoot) => _stateDb.GetReader(stateRoot);

    public IStateReader GetState(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return _stateDb.GetReader(header.StateRoot);
    }

    /// <summary>A throw-away overlay on <paramref name="header"/>'s state, for eth_call/eth_estimateGas simulation.</summary>
    public WorldState CreateWorldStateAt(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return _stateDb.OpenWorldState(header.StateRoot);
    }

    /// <summary>Context a simulated call at the block after <paramref name="header"/> observes.</summary>
    public BlockContext CreateSimulationContext(BlockHeader header, Address proposer) =>
        new(header.Number + 1, header.Timestamp + Spec.Parameters.BlockTimeMs, proposer, Spec.ChainId, _builder.NextBaseFee(header));

    /// <summary>
    /// Builds the head's child from <paramref name="candidates"/> (or the attached pool's best transactions) and
    /// <paramref name="evidence"/> (or the attached evidence source's pending items).
    /// </summary>
    public ExecutedBlock BuildBlock(Address proposer, ulong timestampMs, Commit? lastCommit, IReadOnlyList<Transaction>? candidates = null,
        IReadOnlyList<byte[]>? evidence = null)
    {
        lock (_productionLock)
        {
            BlockHeader head = Head;
            lastCommit ??= head.Number == 0 ? null : _store.GetCommit(head.Number);
            candidates ??= TxPool?.SelectForBlock(_builder.NextBaseFee(head), Spec.GasLimit, Spec.Parameters.MaxBlockTransactions) ?? [];
            evidence ??= EvidenceSource?.GetPendingEvidence(head.Number + 1, MaxEvidenceCandidates) ?? [];
            ExecutedBlock built = _builder.Build(head, _stateDb.OpenWorldState(head.StateRoot), proposer, timestampMs, lastCommit, candidates,
                evidence);
            _executed[built.Block.Hash] = built;
            return built;
        }
    }

    /// <summary>Validates and executes a block on the head. Throws <see cref="InvalidBlockException"/>; writes nothing.</summary>
    public ExecutedBlock ProcessBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_productionLock)
        {
            // The hash covers only the header; a cached execution is reused only for the very same body.
            if (_executed.TryGetValue(block.Hash, out ExecutedBlock? known) && SameBody(known.Block, block))
            {
                return known;
            }

            BlockHeader head = Head;
            ExecutedBlock executed = _processor.Process(block, head, _stateDb.OpenWorldState(head.StateRoot));
            _executed[block.Hash] = executed;
            return executed;
        }
    }

    /// <summary>
    /// Persists <paramref name="block"/> as the new head with the commit that finalised it, then notifies
    /// subscribers and the pool. Uses <paramref name="preExecuted"/> or an earlier build/validation of the same block
    /// when available, else validates and executes it first.
    /// </summary>
    public void Commit(Block block, Commit? commit, ExecutedBlock? preExecuted = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ExecutedBlock executed;
        lock (_productionLock)
        {
            if (preExecuted is not null && preExecuted.Block.Hash != block.Hash)
            {
                throw new ArgumentException($"pre-executed block {preExecuted.Block.Hash} is not {block.Hash}", nameof(preExecuted));
            }

            executed = preExecuted ?? ProcessBlock(block);
            _store.Commit(executed.Block, executed.Receipts, commit, executed.State);
            // Every other cached execution was built on the previous head and can never be committed now.
            _executed.Clear();
        }

        TxPool?.OnBlockCommitted(executed.Block.Transactions, HeadState, NextBaseFee);
        EvidenceSource?.OnEvidenceCommitted(executed.Block.Number, executed.Block.Evidence);
        BlockCommitted?.Invoke(executed.Block, executed.Receipts);
    }

    // The block's write batch lands a moment before the head moves; a client that saw the receipt must also see its
    // block as the head (ethers reads the nonce and block number right after a receipt), so the index waits for the head.
    private TxLocation? GetCommittedLocation(Hash256 txHash) =>
        _store.GetTransactionLocation(txHash) is { } location && location.BlockNumber <= Head.Number ? location : null;

    private static bool SameBody(Block a, Block b)
    {
        if (a.Transactions.Count != b.Transactions.Count || a.Evidence.Count != b.Evidence.Count
            || BlockRules.LastCommitHash(a.LastCommit) != BlockRules.LastCommitHash(b.LastCommit))
        {
            return false;
        }

        for (int i = 0; i < a.Transactions.Count; i++)
        {
            if (a.Transactions[i].Hash != b.Transactions[i].Hash)
            {
                return false;
            }
        }

        for (int i = 0; i < a.Evidence.Count; i++)
        {
            if (!a.Evidence[i].AsSpan().SequenceEqual(b.Evidence[i]))
            {
                return false;
            }
        }

        return true;
    }

    BlockProposal IBlockApplication.Propose(ulong height, Address proposer, ulong timestampMs, Commit? lastCommit)
    {
        ulong expected = Head.Number + 1;
        if (height != expected)
        {
            throw new InvalidOperationException($"cannot propose height {height}: the next height is {expected}");
        }

        ExecutedBlock built = BuildBlock(proposer, timestampMs, lastCommit);
        return new BlockProposal(built.Block, built.Receipts);
    }

    bool IBlockApplication.Validate(Block block, out string? error)
    {
        try
        {
            ProcessBlock(block);
            error = null;
            return true;
        }
        catch (InvalidBlockException e)
        {
            error = e.Message;
            return false;
        }
    }

    void IBlockApplication.Commit(Block block, Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Commit(block, commit);
    }

    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _db.Dispose();
        }
    }
}
