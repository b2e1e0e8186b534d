using System.Text;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Consensus;

/// <summary>
/// The canonical message a validator signs for a vote: keccak256(rlp([chainId, height, round, blockHash, step]))
/// with step the ASCII string "prevote" or "precommit" and nil voted as the zero hash. It lives in Core so that the
/// engine (signing, commit checks) and the chain (evidence and downtime checks) share one definition.
/// </summary>
public static class VoteSignPayload
{
    /// <summary>Wire code of a prevote (also the RLP vote-type field).</summary>
    public const byte Prevote = 0;

    /// <summary>Wire code of a precommit.</summary>
    public const byte Precommit = 1;

    public const int SignatureLength = 65;

    private static readonly byte[] PrevoteTag = Encoding.ASCII.GetBytes("prevote");
    private static readonly byte[] PrecommitTag = Encoding.ASCII.GetBytes("precommit");

    public static byte[] Encode(ulong chainId, ulong height, uint round, in Hash256 blockHash, byte voteType)
    {
        ReadOnlySpan<byte> tag = Tag(voteType);
        int content = LengthOf(chainId) + LengthOf(height) + LengthOf((ulong)round) + LengthOf(blockHash)
            + LengthOf(tag);
        byte[] encoded = new byte[LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        writer.WriteUInt64(chainId);
        writer.WriteUInt64(height);
        writer.WriteUInt64(round);
        writer.WriteHash(blockHash);
        writer.WriteBytes(tag);
        return encoded;
    }

    public static Hash256 Compute(ulong chainId, ulong height, uint round, in Hash256 blockHash, byte voteType) =>
        Keccak256.Compute(Encode(chainId, height, round, blockHash, voteType));

    /// <summary>
    /// The signer of a 65-byte vote signature, or null when the signature is malformed or malleable (high S): a vote
    /// has exactly one valid encoding per signer.
    /// </summary>
    public static Address? RecoverSigner(in Hash256 message, ReadOnlySpan<byte> signature65)
    {
        if (signature65.Length != SignatureLength)
        {
            return null;
        }

        EcdsaSignature parsed;
        try
        {
            parsed = EcdsaSignature.FromBytes65(signature65);
        }
        catch (FormatException)
        {
            return null;
        }

        return parsed.IsLowS && parsed.HasValidRS ? parsed.RecoverAddress(message) : null;
    }

    private static ReadOnlySpan<byte> Tag(byte voteType) => voteType switch
    {
        Prevote => PrevoteTag,
        Precommit => PrecommitTag,
        _ => throw new ArgumentOutOfRangeException(nameof(voteType), voteType, "Unknown vote type: 0 is prevote, 1 is precommit."),
    };
}
