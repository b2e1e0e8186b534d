using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Consensus;

/// <summary>
/// Proof that a validator signed two different values at one height, round and vote type: the item format of
/// <see cref="Blocks.Block.Evidence"/>. RLP [voteA, voteB] with the pair in canonical order (nil first, then by block
/// hash), so one pair has exactly one encoding and one <see cref="Hash"/>. The engine's gossip message
/// (DuplicateVoteEvidence) encodes to the same bytes.
/// </summary>
public sealed class DoubleSignEvidence : IEquatable<DoubleSignEvidence>
{
    private byte[]? _encoded;

    public DoubleSignEvidence(EvidenceVote first, EvidenceVote second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Validator != second.Validator || first.Height != second.Height || first.Round != second.Round || first.Type != second.Type)
        {
            throw new ArgumentException("Double-sign evidence needs two votes by one validator at the same height, round and type.");
        }

        if (first.BlockHash == second.BlockHash)
        {
            throw new ArgumentException("The two votes are for the same value; that is not a double sign.");
        }

        bool swap = CompareValue(first.BlockHash, second.BlockHash) > 0;
        VoteA = swap ? second : first;
        VoteB = swap ? first : second;
    }

    public EvidenceVote VoteA { get; }

    public EvidenceVote VoteB { get; }

    public Address Validator => VoteA.Validator;

    public ulong Height => VoteA.Height;

    public uint Round => VoteA.Round;

    public byte VoteType => VoteA.Type;

    public Hash256 Hash => Keccak256.Compute(Encode());

    /// <summary>Null when both votes carry valid signatures of <see cref="Validator"/> for this chain, else why not.</summary>
    public string? CheckSignatures(ulong chainId)
    {
        if (!VoteA.VerifySignature(chainId))
        {
            return $"the first vote's signature is not {Validator}'s for chain {chainId}";
        }

        return VoteB.VerifySignature(chainId) ? null : $"the second vote's signature is not {Validator}'s for chain {chainId}";
    }

    public byte[] Encode()
    {
        if (_encoded is null)
        {
            int content = VoteA.RlpLength + VoteB.RlpLength;
            byte[] encoded = new byte[LengthOfList(content)];
            RlpWriter writer = new(encoded);
            writer.WriteListHeader(content);
            VoteA.Write(ref writer);
            VoteB.Write(ref writer);
            _encoded = encoded;
        }

        return (byte[])_encoded.Clone();
    }

    /// <summary>Strict: trailing bytes, malformed votes and a pair out of canonical order are all <see cref="RlpException"/>.</summary>
    public static DoubleSignEvidence Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        RlpReader list = reader.ReadList();
        reader.CheckEnd();
        EvidenceVote a = EvidenceVote.Read(ref list);
        EvidenceVote b = EvidenceVote.Read(ref list);
        list.CheckEnd();
        if (CompareValue(a.BlockHash, b.BlockHash) >= 0)
        {
            throw new RlpException("Double-sign evidence votes are not in canonical order or are for the same value.");
        }

        try
        {
            return new DoubleSignEvidence(a, b);
        }
        catch (ArgumentException e)
        {
            throw new RlpException($"Malformed double-sign evidence: {e.Message}", e);
        }
    }

    public bool Equals(DoubleSignEvidence? other) => other is not null && VoteA.Equals(other.VoteA) && VoteB.Equals(other.VoteB);

    public override bool Equals(object? obj) => obj is DoubleSignEvidence other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(VoteA, VoteB);

    public override string ToString() => $"DoubleSign({Validator} h={Height} r={Round} type={VoteType})";

    private static int CompareValue(Hash256? a, Hash256? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        ({ } x, { } y) => x.CompareTo(y),
    };
}
