namespace TrustChain.Chain.Abi;

/// <summary>Malformed ABI type strings, values that do not fit their type, or calldata that fails strict decoding.</summary>
public sealed class AbiException : Exception
{
    public AbiException(string message)
        : base(message)
    {
    }

    public AbiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
