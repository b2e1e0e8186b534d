using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus;

/// <summary>
/// The canonical message a validator signs for a vote: keccak256(rlp([chainId, height, round, blockHash, step]))
/// with step the ASCII string "prevote" or "precommit". The chain id stops a vote from being replayed on another
/// network and the step stops a prevote from counting as a precommit.
/// </summary>
public static class VoteSignBytes
{
    private static readonly byte[] PrevoteTag = Encoding.ASCII.GetBytes("prevote");
    private static readonly byte[] PrecommitTag = Encoding.ASCII.GetBytes("precommit");

    public static byte[] Encode(ulong chainId, ulong height, uint round, in Hash256 blockHash, VoteType type)
    {
        ReadOnlySpan<byte> tag = Tag(type);
        int content = Rlp.LengthOf(chainId) + Rlp.LengthOf(height) + Rlp.LengthOf((ulong)round) + Rlp.LengthOf(blockHash) + Rlp.LengthOf(tag);
        byte[] encoded = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        writer.WriteUInt64(chainId);
        writer.WriteUInt64(height);
        writer.WriteUInt64(round);
        writer.WriteHash(blockHash);
        writer.WriteBytes(tag);
        return encoded;
    }

    public static Hash256 Compute(ulong chainId, ulong height, uint round, in Hash256 blockHash, VoteType type) =>
        Keccak256.Compute(Encode(chainId, height, round, blockHash, type));

    private static ReadOnlySpan<byte> Tag(VoteType type) => type switch
    {
        VoteType.Prevote => PrevoteTag,
        VoteType.Precommit => PrecommitTag,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown vote type."),
    };
}
