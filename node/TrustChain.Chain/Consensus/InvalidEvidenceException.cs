namespace TrustChain.Chain.Consensus;

/// <summary>A block carries evidence the chain does not accept; the block is invalid and its execution must be dropped.</summary>
public sealed class InvalidEvidenceException : Exception
{
    public InvalidEvidenceException(int index, string reason, Exception? inner = null)
        : base($"evidence[{index}] is invalid: {reason}", inner)
    {
        Index = index;
        Reason = reason;
    }

    public int Index { get; }

    public string Reason { get; }
}
