namespace TrustChain.Core.Rlp;

/// <summary>Malformed or non-canonical RLP input.</summary>
public class RlpException : Exception
{
    public RlpException(string message) : base(message)
    {
    }

    public RlpException(string message, Exception inner) : base(message, inner)
    {
    }
}
