using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// The bytes32 a host signs for a query or an answer in the ModelRegistry's Response(modelId, key, response) message:
/// the value itself when it is exactly one 32-byte word (every fingerprint key and response is), else its Keccak-256.
/// One rule for both sides keeps a signed fingerprint answer usable as evidence as it is.
/// </summary>
public static class ResponseCommitment
{
    public static Hash256 Of(ReadOnlySpan<byte> value) =>
        value.Length == Hash256.Length ? new Hash256(value) : Keccak256.Compute(value);
}
