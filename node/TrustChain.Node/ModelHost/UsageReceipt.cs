using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// A user's EIP-712 signature of Usage(modelId, host, cumulativeCalls): the caller's authorisation of one more call
/// and, kept by the host, what settle() pays against.
/// </summary>
public sealed record UsageReceipt(Address User, ulong CumulativeCalls, byte[] Signature);
