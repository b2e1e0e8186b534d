namespace TrustChain.Consensus.Tendermint;

/// <summary>The first byte of an encoded consensus message.</summary>
public enum ConsensusMessageKind : byte
{
    Proposal = 1,
    Vote = 2,
    DuplicateVoteEvidence = 3,
}
