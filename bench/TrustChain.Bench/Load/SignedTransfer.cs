using TrustChain.Core;

namespace TrustChain.Bench.Load;

/// <summary>A pre-signed transfer and its eth_sendRawTransaction request object, serialised before timing starts.</summary>
public sealed record SignedTransfer(int Index, Hash256 Hash, byte[] Request);
