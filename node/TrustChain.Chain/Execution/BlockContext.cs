using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Chain.Execution;

/// <summary>The block-level values a transaction or system contract may observe while executing.</summary>
public readonly record struct BlockContext(ulong Number, ulong Timestamp, Address Proposer, ulong ChainId, UInt256 BaseFee)
{
    private readonly IReadOnlyList<byte[]>? _evidence;

    /// <summary>The commit for the parent carried by the block (null for the child of genesis and in simulations); block hooks read it.</summary>
    public Commit? LastCommit { get; init; }

    /// <summary>The block's evidence items (empty in simulations); block hooks verify and apply them.</summary>
    public IReadOnlyList<byte[]> Evidence
    {
        get => _evidence ?? [];
        init => _evidence = value;
    }
}
