using TrustChain.Chain.Validation;
using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>
/// A transaction that cannot be included in a block at all (bad nonce, unaffordable, invalid signature, over the
/// block's remaining gas). Thrown before the state is touched, so the state is unchanged.
/// </summary>
public sealed class InvalidTransactionException : Exception
{
    public InvalidTransactionException(Hash256 transactionHash, TxValidationError error, string reason)
        : base($"invalid transaction {transactionHash}: {reason}")
    {
        TransactionHash = transactionHash;
        Error = error;
        Reason = reason;
    }

    public Hash256 TransactionHash { get; }

    /// <summary><see cref="TxValidationError.None"/> when the reason is block-level (e.g. block gas exhausted).</summary>
    public TxValidationError Error { get; }

    /// <summary>geth-style message, e.g. "nonce too low: address 0x…, tx: 3 state: 5".</summary>
    public string Reason { get; }
}
