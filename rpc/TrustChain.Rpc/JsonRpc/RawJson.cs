namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// A pre-serialised JSON value (UTF-8) returned by a handler; written to the response as is, so it must be
/// valid JSON. Useful for cached answers such as a block that is requested many times.
/// </summary>
public sealed class RawJson
{
    public RawJson(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            throw new ArgumentException("Raw JSON must not be empty.", nameof(utf8Json));
        }

        Utf8Json = utf8Json;
    }

    public ReadOnlyMemory<byte> Utf8Json { get; }
}
