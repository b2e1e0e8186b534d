using TrustChain.Consensus.Evidence;

namespace TrustChain.Consensus.Tendermint;

public enum AddVoteStatus
{
    Added,

    /// <summary>Already held (same value); nothing changed.</summary>
    Duplicate,

    /// <summary>The validator already voted for a different value; <see cref="AddVoteResult.Evidence"/> is set, the first vote is kept.</summary>
    Conflict,

    /// <summary>Unknown validator, wrong height/round/type or bad signature; <see cref="AddVoteResult.Error"/> says which.</summary>
    Invalid,
}

public readonly record struct AddVoteResult(AddVoteStatus Status, DuplicateVoteEvidence? Evidence = null, string? Error = null)
{
    public static AddVoteResult Added => new(AddVoteStatus.Added);

    public static AddVoteResult Duplicate => new(AddVoteStatus.Duplicate);

    public static AddVoteResult Invalid(string error) => new(AddVoteStatus.Invalid, Error: error);
}
