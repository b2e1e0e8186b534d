using TrustChain.Core;

namespace TrustChain.Chain.Blocks;

/// <summary>A block that does not follow from its parent under the chain's rules. Nothing was written.</summary>
public sealed class InvalidBlockException : Exception
{
    public InvalidBlockException(ulong number, Hash256 blockHash, string reason, Exception? inner = null)
        : base($"invalid block {number} ({blockHash}): {reason}", inner)
    {
        Number = number;
        BlockHash = blockHash;
        Reason = reason;
    }

    public ulong Number { get; }

    public Hash256 BlockHash { get; }

    public string Reason { get; }
}
