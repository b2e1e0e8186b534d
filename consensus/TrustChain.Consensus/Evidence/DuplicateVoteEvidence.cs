using TrustChain.Consensus.Tendermint;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Consensus.Evidence;

/// <summary>
/// Proof that a validator signed two different values at the same height, round and vote type. The pair is stored
/// in canonical order (nil first, then by block hash) so both orders of discovery give the same bytes and hash.
/// RLP: [voteA, voteB]; this is the opaque item placed in Block.Evidence.
/// </summary>
public sealed class DuplicateVoteEvidence : ConsensusMessage, IEquatable<DuplicateVoteEvidence>
{
    public DuplicateVoteEvidence(Vote first, Vote second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Validator != second.Validator || first.Height != second.Height || first.Round != second.Round || first.Type != second.Type)
        {
            throw new ArgumentException("Duplicate-vote evidence needs two votes by one validator at the same height, round and type.");
        }

        if (first.BlockHash == second.BlockHash)
        {
            throw new ArgumentException("The two votes are for the same value; that is not a double sign.");
        }

        bool swap = CompareValue(first.BlockHash, second.BlockHash) > 0;
        VoteA = swap ? second : first;
        VoteB = swap ? first : second;
    }

    public override ConsensusMessageKind Kind => ConsensusMessageKind.DuplicateVoteEvidence;

    public Vote VoteA { get; }

    public Vote VoteB { get; }

    public override ulong Height => VoteA.Height;

    public Address Validator => VoteA.Validator;

    public Hash256 Hash => Keccak256.Compute(Encode());

    /// <summary>
    /// Checks the evidence against the validator set of its height: the validator is a member and both signatures are
    /// its valid signatures for this chain. The structural rules were already enforced on construction.
    /// </summary>
    public bool Verify(ValidatorSet validatorsAtHeight, ulong chainId, out string? error)
    {
        ArgumentNullException.ThrowIfNull(validatorsAtHeight);
        if (!validatorsAtHeight.Contains(Validator))
        {
            error = $"{Validator} is not a validator at height {Height}.";
            return false;
        }

        if (!VoteA.VerifySignature(chainId) || !VoteB.VerifySignature(chainId))
        {
            error = "A vote signature does not verify for the named validator.";
            return false;
        }

        error = null;
        return true;
    }

    public byte[] Encode()
    {
        int content = VoteA.RlpLength + VoteB.RlpLength;
        byte[] encoded = new byte[Rlp.LengthOfList(content)];
        RlpWriter writer = new(encoded);
        writer.WriteListHeader(content);
        VoteA.Write(ref writer);
        VoteB.Write(ref writer);
        return encoded;
    }

    /// <summary>Strict decoding: also rejects a pair that is not in canonical order (two encodings of one evidence).</summary>
    public static DuplicateVoteEvidence Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        RlpReader list = reader.ReadList();
        reader.CheckEnd();
        Vote a = Vote.Read(ref list);
        Vote b = Vote.Read(ref list);
        list.CheckEnd();
        if (CompareValue(a.BlockHash, b.BlockHash) >= 0)
        {
            throw new RlpException("Duplicate-vote evidence votes are not in canonical order or are for the same value.");
        }

        try
        {
            return new DuplicateVoteEvidence(a, b);
        }
        catch (ArgumentException e)
        {
            throw new RlpException($"Malformed duplicate-vote evidence: {e.Message}", e);
        }
    }

    public bool Equals(DuplicateVoteEvidence? other) => other is not null && VoteA.Equals(other.VoteA) && VoteB.Equals(other.VoteB);

    public override bool Equals(object? obj) => obj is DuplicateVoteEvidence other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(VoteA, VoteB);

    public override string ToString() => $"DuplicateVote({Validator} h={Height} r={VoteA.Round} {VoteA.Type})";

    private static int CompareValue(Hash256? a, Hash256? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        ({ } x, { } y) => x.CompareTo(y),
    };
}
