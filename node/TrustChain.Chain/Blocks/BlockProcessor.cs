using TrustChain.Chain.Consensus;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Blocks;

/// <summary>
/// Validates a block produced elsewhere against its parent, executes it, and checks every header commitment.
/// Any failure is an <see cref="InvalidBlockException"/>; the overlay it executed on must then be dropped (nothing
/// is ever written here).
/// </summary>
public sealed class BlockProcessor
{
    private const int ParallelRecoveryThreshold = 64;

    private readonly ChainSpec _spec;
    private readonly BlockExecutor _executor;
    private readonly ValidatorSetTransition _validatorSets;

    /// <param name="validatorSets">Where the set changes at epoch boundaries; null keeps the genesis set forever.</param>
    public BlockProcessor(ChainSpec spec, BlockExecutor executor, IValidatorSetSource? validatorSets = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(executor);
        _spec = spec;
        _executor = executor;
        _validatorSets = new ValidatorSetTransition(spec.Parameters.EpochLength, validatorSets);
    }

    /// <param name="parentState">A fresh overlay on the parent's state root; it becomes the block's post-state.</param>
    public ExecutedBlock Process(Block block, BlockHeader parent, WorldState parentState)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentState);
        BlockHeader header = block.Header;
        CheckHeader(block, parent);
        if (parentState.StateRoot != parent.StateRoot)
        {
            throw new ArgumentException($"state overlay is on root {parentState.StateRoot}, parent has {parent.StateRoot}", nameof(parentState));
        }

        if (block.Evidence.Count > 0 && _executor.Hooks.EvidenceHandler is null)
        {
            throw Invalid(block, "carries evidence but this chain has no evidence handler installed");
        }

        RecoverSenders(block.Transactions);
        BlockContext context = new(header.Number, header.Timestamp, header.Proposer, _spec.ChainId, header.BaseFeePerGas)
        {
            LastCommit = block.LastCommit,
            Evidence = block.Evidence,
        };
        BlockExecutionResult result;
        try
        {
            result = _executor.Execute(parentState, context, header.GasLimit, block.Transactions, block.Transactions.Count, skipInvalid: false);
        }
        catch (InvalidTransactionException e)
        {
            throw Invalid(block, $"contains a non-includable transaction {e.TransactionHash}: {e.Reason}", e);
        }
        catch (InvalidEvidenceException e)
        {
            throw Invalid(block, e.Message, e);
        }

        Expect(block, "gasUsed", header.GasUsed, result.GasUsed);
        Expect(block, "transactionsRoot", header.TransactionsRoot, result.TransactionsRoot);
        Expect(block, "receiptsRoot", header.ReceiptsRoot, result.ReceiptsRoot);
        Expect(block, "stateRoot", header.StateRoot, result.StateRoot);
        Expect(block, "humanSetRoot", header.HumanSetRoot, result.HumanSetRoot);
        if (_validatorSets.ChangesAfter(header.Number))
        {
            Hash256 next;
            try
            {
                next = _validatorSets.NextValidatorsHash(header.Number, header.ValidatorsHash, parentState);
            }
            catch (InvalidOperationException e)
            {
                throw Invalid(block, e.Message, e);
            }

            Expect(block, "nextValidatorsHash", header.NextValidatorsHash, next);
        }

        if (!header.LogsBloom.Equals(result.LogsBloom))
        {
            throw Invalid(block, "logsBloom does not match the logs of its receipts");
        }

        return new ExecutedBlock(block, parentState, ReceiptFinalizer.WithBlock(result.Receipts, header.Hash, header.Number), result);
    }

    /// <summary>The checks that need no execution: linkage, time, fee market, limits, commitments to the validator set.</summary>
    public void CheckHeader(Block block, BlockHeader parent)
    {
        BlockHeader header = block.Header;
        if (header.Number != parent.Number + 1)
        {
            throw Invalid(block, $"number {header.Number} does not follow parent {parent.Number}");
        }

        if (header.ParentHash != parent.Hash)
        {
            throw Invalid(block, $"parentHash {header.ParentHash} is not the parent {parent.Hash}");
        }

        if (header.Timestamp <= parent.Timestamp)
        {
            throw Invalid(block, $"timestamp {header.Timestamp} is not after the parent's {parent.Timestamp}");
        }

        UInt256 baseFee = FeeMarket.CalculateBaseFee(parent.GasLimit, parent.GasUsed, parent.BaseFeePerGas, _spec.Parameters);
        if (header.BaseFeePerGas != baseFee)
        {
            throw Invalid(block, $"baseFeePerGas {header.BaseFeePerGas}, expected {baseFee}");
        }

        if (header.GasLimit != _spec.GasLimit)
        {
            throw Invalid(block, $"gasLimit {header.GasLimit}, expected {_spec.GasLimit}");
        }

        if (header.GasUsed > header.GasLimit)
        {
            throw Invalid(block, $"gasUsed {header.GasUsed} exceeds gasLimit {header.GasLimit}");
        }

        if (block.Transactions.Count > _spec.Parameters.MaxBlockTransactions)
        {
            throw Invalid(block, $"{block.Transactions.Count} transactions, at most {_spec.Parameters.MaxBlockTransactions} allowed");
        }

        // The set voting on this block was fixed by the parent; only an epoch boundary may name a different next set,
        // which needs the post-state and is checked after execution.
        Expect(block, "validatorsHash", header.ValidatorsHash, parent.NextValidatorsHash);
        if (!_validatorSets.ChangesAfter(header.Number))
        {
            Expect(block, "nextValidatorsHash", header.NextValidatorsHash, header.ValidatorsHash);
        }
        if (BlockRules.LastCommitError(parent, block.LastCommit) is { } commitError)
        {
            throw Invalid(block, commitError);
        }

        Expect(block, "lastCommitHash", header.LastCommitHash, BlockRules.LastCommitHash(block.LastCommit));
    }

    /// <summary>
    /// Signature recovery dominates validating a peer's block and is independent per transaction, so it runs on all
    /// cores up front. A failure leaves the sender unset; execution then reports it with the validator's message.
    /// </summary>
    private void RecoverSenders(IReadOnlyList<Transaction> transactions)
    {
        if (transactions.Count < ParallelRecoveryThreshold)
        {
            return;
        }

        ulong chainId = _spec.ChainId;
        Parallel.For(0, transactions.Count, i =>
        {
            Transaction tx = transactions[i];
            if (tx.Sender is null)
            {
                SenderRecovery.TryRecover(tx, chainId, out _);
            }
        });
    }

    private static void Expect(Block block, string field, Hash256 actual, Hash256 expected)
    {
        if (actual != expected)
        {
            throw Invalid(block, $"{field} {actual}, computed {expected}");
        }
    }

    private static void Expect(Block block, string field, ulong actual, ulong expected)
    {
        if (actual != expected)
        {
            throw Invalid(block, $"{field} {actual}, computed {expected}");
        }
    }

    private static InvalidBlockException Invalid(Block block, string reason, Exception? inner = null) =>
        new(block.Header.Number, block.Header.Hash, reason, inner);
}
