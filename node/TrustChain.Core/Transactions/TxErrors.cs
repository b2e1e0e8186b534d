namespace TrustChain.Core.Transactions;

/// <summary>
/// Rejection reasons. Names follow ethereum/tests' TransactionException where one exists, so test vectors
/// compare directly (retesteth adds a "_2" variant suffix for some cases).
/// </summary>
public static class TxErrors
{
    public const string TypeNotSupported = "TYPE_NOT_SUPPORTED";
    public const string RlpError = "RLP_ERROR";
    public const string RlpTooFewElements = "RLP_TOO_FEW_ELEMENTS";
    public const string RlpTooManyElements = "RLP_TOO_MANY_ELEMENTS";
    public const string RlpTrailingBytes = "RLP_TRAILING_BYTES";
    public const string RlpInvalidTo = "RLP_INVALID_TO";
    public const string RlpInvalidAccessList = "RLP_INVALID_ACCESS_LIST";
    public const string InvalidChainId = "INVALID_CHAINID";
    public const string InvalidSignature = "INVALID_SIGNATURE_VRS";
    public const string PriorityGreaterThanMaxFee = "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
    public const string GasLimitPriceProductOverflow = "GASLIMIT_PRICE_PRODUCT_OVERFLOW";
    public const string UnprotectedNotAllowed = "UNPROTECTED_TX_NOT_ALLOWED";

    public const string LeadingZerosPrefix = "RLP_LEADING_ZEROS_";
}
