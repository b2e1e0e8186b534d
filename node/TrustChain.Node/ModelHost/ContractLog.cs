using TrustChain.Core;

namespace TrustChain.Node.ModelHost;

/// <summary>One log of a receipt: emitter, topics (topic 0 = event signature hash) and data.</summary>
public sealed record ContractLog(Address Address, Hash256[] Topics, byte[] Data);
