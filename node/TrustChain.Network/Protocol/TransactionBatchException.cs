namespace TrustChain.Network.Protocol;

/// <summary>A transaction-batch message that does not decode; the sender is misbehaving.</summary>
public sealed class TransactionBatchException : Exception
{
    public TransactionBatchException(string message) : base(message)
    {
    }

    public TransactionBatchException(string message, Exception inner) : base(message, inner)
    {
    }
}
