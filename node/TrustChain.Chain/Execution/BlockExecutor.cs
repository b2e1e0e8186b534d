using TrustChain.Chain.Execution.Prefetch;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Execution;

/// <summary>
/// Runs the begin-block hooks, a list of transactions in order, the end-block hooks, and derives the roots. Shared
/// by the builder (which skips non-includable candidates) and the processor (for which one is fatal), so both
/// compute roots the same way by construction.
/// </summary>
public sealed class BlockExecutor
{
    private readonly TransactionProcessor _processor;
    private readonly BlockHookPipeline _hooks;

    public BlockExecutor(TransactionProcessor processor, BlockHookPipeline hooks)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(hooks);
        _processor = processor;
        _hooks = hooks;
    }

    public TransactionProcessor Processor => _processor;

    public BlockHookPipeline Hooks => _hooks;

    /// <param name="skipInvalid">
    /// True for building: a candidate that is not includable is left out. False for validating: it propagates as
    /// <see cref="InvalidTransactionException"/>.
    /// </param>
    public BlockExecutionResult Execute(WorldState state, in BlockContext block, ulong gasLimit, IReadOnlyList<Transaction> transactions,
        int maxCount, bool skipInvalid)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(transactions);
        _hooks.BeginBlock(state, block);
        // State-independent work (Groth16 proofs) is verified in parallel first; execution below reads its cache.
        BlockPrefetch.Run(_processor.SystemContracts, transactions);

        List<Transaction> included = new(Math.Min(transactions.Count, maxCount));
        List<TxReceipt> receipts = new(included.Capacity);
        Bloom blockBloom = new();
        ulong gasUsed = 0;
        int skipped = 0;
        for (int i = 0; i < transactions.Count && included.Count < maxCount; i++)
        {
            Transaction tx = transactions[i];
            TransactionOutcome outcome;
            try
            {
                outcome = _processor.Execute(state, tx, block, gasLimit - gasUsed);
            }
            catch (InvalidTransactionException) when (skipInvalid)
            {
                skipped++;
                continue;
            }

            gasUsed += outcome.GasUsed;
            Bloom bloom = Bloom.FromLogs(outcome.Logs);
            blockBloom.Accumulate(bloom);
            receipts.Add(new TxReceipt
            {
                TxType = tx.Type,
                StatusCode = outcome.Success ? (byte)1 : (byte)0,
                CumulativeGasUsed = gasUsed,
                GasUsed = outcome.GasUsed,
                Bloom = bloom,
                Logs = outcome.Logs,
                TxHash = tx.Hash,
                EffectiveGasPrice = outcome.EffectiveGasPrice,
                BlockNumber = block.Number,
                TxIndex = included.Count,
                Sender = tx.Sender!.Value,
                Recipient = tx.To,
                Error = outcome.Error,
            });
            included.Add(tx);
        }

        _hooks.EndBlock(state, block, receipts);
        Hash256 stateRoot = state.ComputeRoot(block.Number);
        return new BlockExecutionResult(included, receipts, gasUsed, blockBloom, stateRoot,
            MerkleRoots.TransactionsRoot(included), MerkleRoots.ReceiptsRoot(receipts),
            _hooks.HumanSetRootProvider.GetHumanSetRoot(state), skipped);
    }
}
