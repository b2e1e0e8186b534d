using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// What a proposer signs: keccak256(rlp([chainId, height, round, validRound + 1, blockHash, "proposal"])).
/// validRound −1 ("none") is encoded as 0 so the field stays an unsigned RLP scalar. The "proposal" tag keeps a
/// proposal signature from ever verifying as a vote (whose tags are "prevote"/"precommit").
/// </summary>
public static class ProposalSignBytes
{
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("proposal");

    public static byte[] Encode(ulong chainId, ulong height, int round, int validRound, in Hash256 blockHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        ArgumentOutOfRangeException.ThrowIfLessThan(validRound, -1);
        ulong encodedValidRound = (ulong)(validRound + 1L);
        int content = Rlp.LengthOf(chainId) + Rlp.LengthOf(height) + Rlp.LengthOf((ulong)round) + Rlp.LengthOf(encodedValidRound)
            + Rlp.LengthOf(blockHash) + Rlp.LengthOf(Tag);
        byte[] encoded = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        writer.WriteUInt64(chainId);
        writer.WriteUInt64(height);
        writer.WriteUInt64((ulong)round);
        writer.WriteUInt64(encodedValidRound);
        writer.WriteHash(blockHash);
        writer.WriteBytes(Tag);
        return encoded;
    }

    public static Hash256 Compute(ulong chainId, ulong height, int round, int validRound, in Hash256 blockHash) =>
        Keccak256.Compute(Encode(chainId, height, round, validRound, blockHash));
}
