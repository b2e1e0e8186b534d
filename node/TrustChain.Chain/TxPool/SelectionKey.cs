using TrustChain.Core;

namespace TrustChain.Chain.TxPool;

/// <summary>Block-selection priority: higher effective tip first, then lower hash (deterministic across nodes).</summary>
internal readonly record struct SelectionKey(UInt256 Tip, Hash256 Hash);
