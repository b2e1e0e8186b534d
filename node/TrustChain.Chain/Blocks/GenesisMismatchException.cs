using TrustChain.Core;

namespace TrustChain.Chain.Blocks;

/// <summary>The data dir holds a different chain than the spec describes.</summary>
public sealed class GenesisMismatchException(Hash256 stored, Hash256 expected)
    : Exception($"data dir holds genesis {stored}, but the chain spec gives genesis {expected}: wrong --genesis file or wrong data dir " +
        "(a dev chain made by another TrustChain version, whose bundled genesis differs, needs a fresh data dir: move or delete it, or pass --datadir)")
{
    public Hash256 Stored { get; } = stored;

    public Hash256 Expected { get; } = expected;
}
