using TrustChain.Core;
using TrustChain.Core.Consensus;

namespace TrustChain.Consensus;

/// <summary>
/// The canonical message a validator signs for a vote: keccak256(rlp([chainId, height, round, blockHash, step]))
/// with step the ASCII string "prevote" or "precommit". The chain id stops a vote from being replayed on another
/// network and the step stops a prevote from counting as a precommit. The encoding itself is
/// <see cref="VoteSignPayload"/> in Core, shared with the chain's evidence and downtime checks.
/// </summary>
public static class VoteSignBytes
{
    public static byte[] Encode(ulong chainId, ulong height, uint round, in Hash256 blockHash, VoteType type) =>
        VoteSignPayload.Encode(chainId, height, round, blockHash, Code(type));

    public static Hash256 Compute(ulong chainId, ulong height, uint round, in Hash256 blockHash, VoteType type) =>
        VoteSignPayload.Compute(chainId, height, round, blockHash, Code(type));

    private static byte Code(VoteType type) => type switch
    {
        VoteType.Prevote => VoteSignPayload.Prevote,
        VoteType.Precommit => VoteSignPayload.Precommit,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown vote type."),
    };
}
