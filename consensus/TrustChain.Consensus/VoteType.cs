namespace TrustChain.Consensus;

/// <summary>The two signed steps of Tendermint voting.</summary>
public enum VoteType
{
    Prevote,
    Precommit,
}
