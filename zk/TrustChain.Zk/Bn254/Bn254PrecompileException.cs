namespace TrustChain.Zk.Bn254;

/// <summary>Invalid input to an EIP-196/197 precompile; the EVM treats this as a failed call that consumes all gas.</summary>
public sealed class Bn254PrecompileException : Exception
{
    public Bn254PrecompileException()
    {
    }

    public Bn254PrecompileException(string message)
        : base(message)
    {
    }

    public Bn254PrecompileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
