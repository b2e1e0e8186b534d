using System.Numerics;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Validation;

/// <summary>
/// Transaction admission rules shared by the mempool and the block executor. Stateless checks need only the chain
/// spec; stateful checks need the sender's account and the base fee. Messages follow geth's wording.
/// Accepted types: legacy (0, EIP-155 protected unless explicitly allowed) and EIP-1559 (2). Type 1 (EIP-2930) is
/// rejected: DESIGN §3.1 names only types 0 and 2, and with no EVM an access list buys nothing.
/// </summary>
public sealed class TransactionValidator
{
    public TransactionValidator(ChainSpec spec, bool allowUnprotectedTransactions = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        AllowUnprotectedTransactions = allowUnprotectedTransactions;
    }

    public ChainSpec Spec { get; }

    /// <summary>Accept legacy transactions signed without a chain id (replayable on any chain).</summary>
    public bool AllowUnprotectedTransactions { get; }

    public TxValidationResult Validate(Transaction tx, IStateReader state, in UInt256 baseFee, bool requireExactNonce = false)
    {
        TxValidationResult result = ValidateStateless(tx);
        return result.IsValid ? ValidateStateful(tx, state, baseFee, requireExactNonce) : result;
    }

    /// <summary>
    /// Checks that need no state. Recovers and sets <see cref="Transaction.Sender"/> when it is not set yet, which is
    /// the expensive part: callers run this outside their locks.
    /// </summary>
    public TxValidationResult ValidateStateless(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Type is not (TxType.Legacy or TxType.Eip1559))
        {
            return TxValidationResult.Fail(TxValidationError.TxTypeNotSupported,
                $"transaction type not supported: tx type {(byte)tx.Type} not supported by this chain");
        }

        int size = TransactionEncoder.GetEncodedLength(tx);
        if (size > Spec.Parameters.MaxTxSize)
        {
            return TxValidationResult.Fail(TxValidationError.OversizedData,
                $"oversized data: transaction size {size}, limit {Spec.Parameters.MaxTxSize}");
        }

        if (tx.ChainId is not { } chainId)
        {
            if (!AllowUnprotectedTransactions)
            {
                return TxValidationResult.Fail(TxValidationError.UnprotectedTransaction,
                    "only replay-protected (EIP-155) transactions allowed over RPC");
            }
        }
        else if (chainId != Spec.ChainId)
        {
            return TxValidationResult.Fail(TxValidationError.InvalidChainId,
                $"invalid chain id for signer: have {chainId} want {Spec.ChainId}");
        }

        if (tx.GasLimit > Spec.GasLimit)
        {
            return TxValidationResult.Fail(TxValidationError.GasLimitExceeded, "exceeds block gas limit");
        }

        if (tx.TipCap > tx.FeeCap)
        {
            return TxValidationResult.Fail(TxValidationError.TipAboveFeeCap,
                $"max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: {tx.TipCap}, maxFeePerGas: {tx.FeeCap}");
        }

        if (tx.To is null)
        {
            return TxValidationResult.Fail(TxValidationError.ContractCreationNotSupported,
                "contract creation not supported: this chain has no EVM");
        }

        TxValidationResult sender = CheckSender(tx);
        if (!sender.IsValid)
        {
            return sender;
        }

        if (tx.Nonce == ulong.MaxValue)
        {
            return TxValidationResult.Fail(TxValidationError.NonceMax,
                $"nonce has max value: address {tx.Sender}, nonce: {tx.Nonce}");
        }

        ulong intrinsic = IntrinsicGas.Calculate(tx);
        if (tx.GasLimit < intrinsic)
        {
            return TxValidationResult.Fail(TxValidationError.IntrinsicGasTooLow,
                $"intrinsic gas too low: gas {tx.GasLimit}, minimum needed {intrinsic}");
        }

        return TxValidationResult.Ok;
    }

    public TxValidationResult ValidateStateful(Transaction tx, IStateReader state, in UInt256 baseFee, bool requireExactNonce = false)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(state);
        if (tx.Sender is not { } sender)
        {
            throw new InvalidOperationException("ValidateStateless must succeed (and set the sender) before stateful checks.");
        }

        return ValidateStateful(tx, sender, state.GetAccount(sender), baseFee, requireExactNonce);
    }

    /// <summary>
    /// Nonce, base fee and balance checks against the sender's account. With <paramref name="requireExactNonce"/>
    /// (block execution) a nonce ahead of the account is an error too; the pool queues such transactions instead.
    /// </summary>
    public TxValidationResult ValidateStateful(Transaction tx, Address sender, in Account account, in UInt256 baseFee, bool requireExactNonce = false)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Nonce < account.Nonce)
        {
            return TxValidationResult.Fail(TxValidationError.NonceTooLow,
                $"nonce too low: address {sender}, tx: {tx.Nonce} state: {account.Nonce}");
        }

        if (requireExactNonce && tx.Nonce > account.Nonce)
        {
            return TxValidationResult.Fail(TxValidationError.NonceTooHigh,
                $"nonce too high: address {sender}, tx: {tx.Nonce} state: {account.Nonce}");
        }

        if (tx.FeeCap < baseFee)
        {
            return TxValidationResult.Fail(TxValidationError.FeeCapBelowBaseFee,
                $"max fee per gas less than block base fee: address {sender}, maxFeePerGas: {tx.FeeCap}, baseFee: {baseFee}");
        }

        UInt256 cost = MaxCost(tx, out bool overflow);
        if (overflow || cost > account.Balance)
        {
            BigInteger want = new BigInteger(tx.GasLimit) * tx.FeeCap.ToBigInteger() + tx.Value.ToBigInteger();
            return TxValidationResult.Fail(TxValidationError.InsufficientFunds,
                $"insufficient funds for gas * price + value: address {sender} have {account.Balance} want {want}");
        }

        return TxValidationResult.Ok;
    }

    /// <summary>gasLimit × feeCap + value: what the sender must hold up front (geth's buyGas balance check).</summary>
    public static UInt256 MaxCost(Transaction tx, out bool overflow)
    {
        ArgumentNullException.ThrowIfNull(tx);
        overflow = UInt256.MultiplyOverflow(tx.FeeCap, tx.GasLimit, out UInt256 gasCost);
        overflow |= UInt256.AddOverflow(gasCost, tx.Value, out UInt256 cost);
        return overflow ? UInt256.MaxValue : cost;
    }

    private TxValidationResult CheckSender(Transaction tx)
    {
        // EIP-2: high-s signatures are malleable duplicates; rejected even when the sender is already known.
        if (!tx.IsSigned || tx.R.IsZero || tx.S.IsZero || tx.R >= EcdsaSignature.CurveOrder || !EcdsaSignature.IsLowSValue(tx.S))
        {
            return TxValidationResult.Fail(TxValidationError.InvalidSender, "invalid sender: invalid transaction v, r, s values");
        }

        if (tx.Sender is not null)
        {
            return TxValidationResult.Ok;
        }

        if (SenderRecovery.TryRecover(tx, Spec.ChainId, out string? reason) is not null)
        {
            return TxValidationResult.Ok;
        }

        string detail = reason == TxErrors.InvalidChainId ? "invalid chain id for signer" : "invalid transaction v, r, s values";
        return TxValidationResult.Fail(TxValidationError.InvalidSender, $"invalid sender: {detail}");
    }
}
