namespace TrustChain.Node.Prover;

/// <summary>The scanned palm matches an enrolled human: the provers' pre-check (or the chain) found ≥ dedupMatch shared tags.</summary>
public sealed class PalmDuplicateException : Exception
{
    public PalmDuplicateException(ulong humanIndex, int matches, int dedupMatch)
        : base($"duplicate human: the scan shares {matches} dedup tags with human #{humanIndex} (dedupMatch {dedupMatch})")
    {
        HumanIndex = humanIndex;
        Matches = matches;
    }

    public ulong HumanIndex { get; }

    public int Matches { get; }
}
