namespace TrustChain.Biometrics.FuzzyExtractor;

/// <summary>The scan is too far from the enrolled template for the helper data to reproduce the secret.</summary>
public sealed class PalmMismatchException : Exception
{
    public PalmMismatchException(string message)
        : base(message)
    {
    }
}
