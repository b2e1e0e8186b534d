using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;

namespace TrustChain.Core.Blocks;

/// <summary>
/// Block header (DESIGN §3.2). Immutable; <see cref="Hash"/> = keccak(RLP(header)) is computed once.
/// RLP field order is the declaration order below.
/// </summary>
public sealed class BlockHeader
{
    private Hash256? _hash;

    public Hash256 ParentHash { get; init; }

    public ulong Number { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public ulong Timestamp { get; init; }

    public Address Proposer { get; init; }

    public Hash256 StateRoot { get; init; }

    public Hash256 TransactionsRoot { get; init; }

    public Hash256 ReceiptsRoot { get; init; }

    public Bloom LogsBloom { get; init; } = new();

    public ulong GasLimit { get; init; }

    public ulong GasUsed { get; init; }

    public UInt256 BaseFeePerGas { get; init; }

    public Hash256 ValidatorsHash { get; init; }

    public Hash256 NextValidatorsHash { get; init; }

    public Hash256 LastCommitHash { get; init; }

    public Hash256 HumanSetRoot { get; init; }

    public Hash256 Hash => _hash ??= Keccak256.Compute(HeaderEncoder.Encode(this));

    internal void SetHash(in Hash256 hash) => _hash = hash;

    public override string ToString() => $"#{Number} {Hash}";
}
