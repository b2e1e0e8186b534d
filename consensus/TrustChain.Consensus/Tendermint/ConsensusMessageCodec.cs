using TrustChain.Consensus.Evidence;
using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;

namespace TrustChain.Consensus.Tendermint;

/// <summary>Wire form of consensus messages: kind byte || RLP body. Decoding is strict and never partially succeeds.</summary>
public static class ConsensusMessageCodec
{
    public static byte[] Encode(ConsensusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] body = message switch
        {
            Proposal proposal => proposal.Encode(),
            Vote vote => vote.Encode(),
            DuplicateVoteEvidence evidence => evidence.Encode(),
            _ => throw new ArgumentException($"Unknown consensus message type {message.GetType().Name}.", nameof(message)),
        };
        byte[] encoded = new byte[body.Length + 1];
        encoded[0] = (byte)message.Kind;
        body.CopyTo(encoded.AsSpan(1));
        return encoded;
    }

    /// <exception cref="ConsensusMessageDecodeException">Empty input, unknown kind, or malformed body.</exception>
    public static ConsensusMessage Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new ConsensusMessageDecodeException("Empty consensus message.");
        }

        ReadOnlySpan<byte> body = encoded[1..];
        try
        {
            return (ConsensusMessageKind)encoded[0] switch
            {
                ConsensusMessageKind.Proposal => Proposal.Decode(body),
                ConsensusMessageKind.Vote => Vote.Decode(body),
                ConsensusMessageKind.DuplicateVoteEvidence => DuplicateVoteEvidence.Decode(body),
                _ => throw new ConsensusMessageDecodeException($"Unknown consensus message kind {encoded[0]}."),
            };
        }
        catch (Exception e) when (e is RlpException or TransactionDecodeException or ArgumentException)
        {
            throw new ConsensusMessageDecodeException($"Malformed {(ConsensusMessageKind)encoded[0]} message: {e.Message}", e);
        }
    }
}
