namespace TrustChain.Biometrics.Oprf;

/// <summary>An OPRF protocol failure: invalid evaluations, too few honest members, or a degenerate point.</summary>
public sealed class OprfException : Exception
{
    public OprfException(string message)
        : base(message)
    {
    }
}
