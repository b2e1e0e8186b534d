namespace TrustChain.Node.ModelHost;

/// <summary>
/// The model behind `trustchain model serve`: one query in, one answer out. Implementations must be safe to call
/// concurrently. A fingerprinted model answers each fingerprint key (a 32-byte query) with its registered response.
/// </summary>
public interface IModelBackend
{
    /// <summary>A short description for logs and the host's /info endpoint.</summary>
    string Name { get; }

    byte[] Invoke(ReadOnlySpan<byte> input);
}
