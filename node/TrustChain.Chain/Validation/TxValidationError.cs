namespace TrustChain.Chain.Validation;

/// <summary>Why a transaction was refused; the accompanying message uses geth's wording so clients recognise it.</summary>
public enum TxValidationError
{
    None = 0,

    /// <summary>"invalid chain id for signer".</summary>
    InvalidChainId,

    /// <summary>"only replay-protected (EIP-155) transactions allowed over RPC".</summary>
    UnprotectedTransaction,

    /// <summary>"transaction type not supported".</summary>
    TxTypeNotSupported,

    /// <summary>"oversized data".</summary>
    OversizedData,

    /// <summary>"intrinsic gas too low".</summary>
    IntrinsicGasTooLow,

    /// <summary>"exceeds block gas limit".</summary>
    GasLimitExceeded,

    /// <summary>"max priority fee per gas higher than max fee per gas".</summary>
    TipAboveFeeCap,

    /// <summary>To == null: there is no EVM to run init code.</summary>
    ContractCreationNotSupported,

    /// <summary>"invalid sender" (unrecoverable or high-s signature).</summary>
    InvalidSender,

    /// <summary>"nonce has max value".</summary>
    NonceMax,

    /// <summary>"nonce too low".</summary>
    NonceTooLow,

    /// <summary>"max fee per gas less than block base fee".</summary>
    FeeCapBelowBaseFee,

    /// <summary>"insufficient funds for gas * price + value".</summary>
    InsufficientFunds,

    /// <summary>"already known" (pool).</summary>
    AlreadyKnown,

    /// <summary>"replacement transaction underpriced" (pool).</summary>
    ReplacementUnderpriced,

    /// <summary>"txpool is full" (pool).</summary>
    TxPoolFull,

    /// <summary>"account limit exceeded" (pool: per-sender pending/queued limit).</summary>
    AccountLimitExceeded,

    /// <summary>"nonce too high" (pool: nonce further ahead of the account than the pool keeps).</summary>
    NonceTooHigh,
}
