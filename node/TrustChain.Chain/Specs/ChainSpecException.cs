namespace TrustChain.Chain.Specs;

/// <summary>A genesis/chain specification is malformed. <see cref="Field"/> names the offending JSON path.</summary>
public sealed class ChainSpecException : Exception
{
    public ChainSpecException(string field, string reason)
        : base($"Invalid chain spec field '{field}': {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public ChainSpecException(string field, string reason, Exception innerException)
        : base($"Invalid chain spec field '{field}': {reason}", innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>JSON path of the field, e.g. "params.minBaseFee" or "validators[0].publicKey".</summary>
    public string Field { get; }

    public string Reason { get; }
}
