using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using ChainTxValidator = TrustChain.Chain.Validation.TransactionValidator;

namespace TrustChain.Chain.Execution;

/// <summary>
/// Applies one transaction to a <see cref="WorldState"/> with Ethereum's rules minus the EVM: validate, buy gas at
/// the effective price, bump the nonce, move the value, run a system contract if the target is one, refund unused gas,
/// burn baseFee × gasUsed and pay tip × gasUsed to the proposer.
/// <para>
/// A call with non-empty data to an address that is not a system contract fails (status 0) and consumes the whole
/// gas limit, as an EVM call hitting INVALID would: there is no code to run, and charging only intrinsic gas would make
/// such transactions a cheap way to fill blocks. Its value transfer is undone with the failure.
/// </para>
/// </summary>
public sealed class TransactionProcessor
{
    public const string RevertedError = "execution reverted";
    public const string OutOfGasError = "out of gas";
    public const string NoCodeError = "execution reverted: no contract code at target address";

    private readonly ChainTxValidator _validator;
    private readonly SystemContractRegistry _systemContracts;

    public TransactionProcessor(ChainTxValidator validator, SystemContractRegistry systemContracts)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(systemContracts);
        _validator = validator;
        _systemContracts = systemContracts;
    }

    public ChainSpec Spec => _validator.Spec;

    public SystemContractRegistry SystemContracts => _systemContracts;

    /// <summary>
    /// Executes <paramref name="tx"/>. Throws <see cref="InvalidTransactionException"/>, leaving the state untouched,
    /// when the transaction is not includable (invalid, wrong nonce, unaffordable, or over <paramref name="blockGasRemaining"/>).
    /// </summary>
    public TransactionOutcome Execute(WorldState state, Transaction tx, in BlockContext block, ulong blockGasRemaining)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tx);

        TxValidationResult validation = _validator.ValidateStateless(tx);
        if (validation.IsValid)
        {
            validation = _validator.ValidateStateful(tx, state, block.BaseFee, requireExactNonce: true);
        }

        if (!validation.IsValid)
        {
            throw new InvalidTransactionException(tx.Hash, validation.Error, validation.Message ?? validation.Error.ToString());
        }

        if (tx.GasLimit > blockGasRemaining)
        {
            throw new InvalidTransactionException(tx.Hash, TxValidationError.None,
                $"gas limit reached: tx gas {tx.GasLimit}, block gas remaining {blockGasRemaining}");
        }

        Address sender = tx.Sender!.Value;
        Address to = tx.To!.Value;
        UInt256 gasPrice = tx.EffectiveGasPrice(block.BaseFee);
        UInt256 tip = gasPrice - block.BaseFee;

        // Validation proved balance ≥ gasLimit × feeCap + value and feeCap ≥ effective price, so nothing below can underflow.
        state.SubtractBalance(sender, gasPrice * tx.GasLimit);
        state.IncrementNonce(sender);

        ulong intrinsic = IntrinsicGas.Calculate(tx);
        ulong gasAvailable = tx.GasLimit - intrinsic;
        int snapshot = state.TakeSnapshot();
        if (!tx.Value.IsZero)
        {
            state.SubtractBalance(sender, tx.Value);
            state.AddBalance(to, tx.Value);
        }

        TransactionOutcome outcome;
        if (_systemContracts.TryGet(to, out ISystemContract? contract))
        {
            SystemCallResult result = contract.Call(new SystemCallContext(state, sender, tx.Value, tx.Data, gasAvailable, block));
            if (result.GasUsed > gasAvailable)
            {
                state.Restore(snapshot);
                outcome = new TransactionOutcome(false, tx.GasLimit, gasPrice, [], [], OutOfGasError);
            }
            else if (!result.Success)
            {
                state.Restore(snapshot);
                outcome = new TransactionOutcome(false, intrinsic + result.GasUsed, gasPrice, [], result.RevertData ?? [], RevertedError);
            }
            else
            {
                outcome = new TransactionOutcome(true, intrinsic + result.GasUsed, gasPrice, result.Logs, result.ReturnData, null);
            }
        }
        else if (tx.Data.Length != 0)
        {
            state.Restore(snapshot);
            outcome = new TransactionOutcome(false, tx.GasLimit, gasPrice, [], [], NoCodeError);
        }
        else
        {
            outcome = new TransactionOutcome(true, intrinsic, gasPrice, [], [], null);
        }

        ulong unused = tx.GasLimit - outcome.GasUsed;
        if (unused != 0)
        {
            state.AddBalance(sender, gasPrice * unused);
        }

        // The base-fee part of the price is burned simply by not crediting it anywhere.
        if (!tip.IsZero)
        {
            state.AddBalance(block.Proposer, tip * outcome.GasUsed);
        }

        return outcome;
    }
}
