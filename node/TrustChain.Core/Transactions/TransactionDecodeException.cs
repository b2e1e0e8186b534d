namespace TrustChain.Core.Transactions;

/// <summary>A raw transaction that is malformed; <see cref="Reason"/> is one of <see cref="TxErrors"/> (or a field-specific variant).</summary>
public sealed class TransactionDecodeException : Exception
{
    public TransactionDecodeException(string reason, string message) : base($"{reason}: {message}")
    {
        Reason = reason;
    }

    public TransactionDecodeException(string reason, string message, Exception inner) : base($"{reason}: {message}", inner)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
