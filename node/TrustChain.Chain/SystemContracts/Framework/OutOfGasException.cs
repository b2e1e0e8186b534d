namespace TrustChain.Chain.SystemContracts;

/// <summary>Raised by gas accounting; caught by the dispatcher, which then reports all gas consumed.</summary>
internal sealed class OutOfGasException : Exception
{
    public OutOfGasException(ulong needed, ulong available)
        : base($"out of gas: needed {needed}, available {available}")
    {
    }
}
