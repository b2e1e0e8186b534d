using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Blocks;

/// <summary>Builds the next block on a parent from candidate transactions, leaving out those that are not includable.</summary>
public sealed class BlockBuilder
{
    private readonly ChainSpec _spec;
    private readonly BlockExecutor _executor;
    private readonly ValidatorSetTransition _validatorSets;

    /// <param name="validatorSets">Where the set changes at epoch boundaries; null keeps the genesis set forever.</param>
    public BlockBuilder(ChainSpec spec, BlockExecutor executor, IValidatorSetSource? validatorSets = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(executor);
        _spec = spec;
        _executor = executor;
        _validatorSets = new ValidatorSetTransition(spec.Parameters.EpochLength, validatorSets);
    }

    /// <summary>The base fee the child of <paramref name="parent"/> must carry.</summary>
    public UInt256 NextBaseFee(BlockHeader parent) =>
        FeeMarket.CalculateBaseFee(parent.GasLimit, parent.GasUsed, parent.BaseFeePerGas, _spec.Parameters);

    /// <param name="parentState">An overlay on the parent's state root; it becomes the new block's post-state.</param>
    /// <param name="timestampMs">Chosen by consensus; must be strictly greater than the parent's.</param>
    /// <param name="lastCommit">The commit that finalised <paramref name="parent"/> (null only when the parent is genesis).</param>
    /// <param name="evidence">Candidate evidence items; the hooks' evidence handler picks those the block may carry.</param>
    public ExecutedBlock Build(BlockHeader parent, WorldState parentState, Address proposer, ulong timestampMs, Commit? lastCommit,
        IReadOnlyList<Transaction> candidates, IReadOnlyList<byte[]>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentState);
        ArgumentNullException.ThrowIfNull(candidates);
        if (timestampMs <= parent.Timestamp)
        {
            throw new ArgumentOutOfRangeException(nameof(timestampMs), timestampMs,
                $"block timestamp must be greater than the parent's ({parent.Timestamp})");
        }

        if (parentState.StateRoot != parent.StateRoot)
        {
            throw new ArgumentException($"state overlay is on root {parentState.StateRoot}, parent has {parent.StateRoot}", nameof(parentState));
        }

        BlockRules.CheckLastCommit(parent, lastCommit);
        ulong number = parent.Number + 1;
        UInt256 baseFee = NextBaseFee(parent);
        BlockContext context = new(number, timestampMs, proposer, _spec.ChainId, baseFee) { LastCommit = lastCommit };
        IReadOnlyList<byte[]> included = evidence is { Count: > 0 } && _executor.Hooks.EvidenceHandler is { } handler
            ? handler.Select(parentState, context, evidence)
            : [];
        context = context with { Evidence = included };
        BlockExecutionResult result = _executor.Execute(parentState, context, _spec.GasLimit, candidates,
            _spec.Parameters.MaxBlockTransactions, skipInvalid: true);

        BlockHeader header = new()
        {
            ParentHash = parent.Hash,
            Number = number,
            Timestamp = timestampMs,
            Proposer = proposer,
            StateRoot = result.StateRoot,
            TransactionsRoot = result.TransactionsRoot,
            ReceiptsRoot = result.ReceiptsRoot,
            LogsBloom = result.LogsBloom,
            GasLimit = _spec.GasLimit,
            GasUsed = result.GasUsed,
            BaseFeePerGas = baseFee,
            ValidatorsHash = parent.NextValidatorsHash,
            NextValidatorsHash = _validatorSets.NextValidatorsHash(number, parent.NextValidatorsHash, parentState),
            LastCommitHash = BlockRules.LastCommitHash(lastCommit),
            HumanSetRoot = result.HumanSetRoot,
        };
        Block block = new(header, result.Included, lastCommit, included);
        return new ExecutedBlock(block, parentState, ReceiptFinalizer.WithBlock(result.Receipts, header.Hash, number), result);
    }
}
