namespace TrustChain.Network.Protocol;

/// <summary>A block-sync message that does not decode; the sender is misbehaving.</summary>
public sealed class SyncMessageException : Exception
{
    public SyncMessageException(string message) : base(message)
    {
    }

    public SyncMessageException(string message, Exception inner) : base(message, inner)
    {
    }
}
