namespace TrustChain.Consensus.Tendermint;

/// <summary>Round steps. The numeric order is the signing order the private validator enforces within a round.</summary>
public enum ConsensusStep : byte
{
    /// <summary>Height decided (or not yet started); waiting for timeoutCommit before round 0.</summary>
    NewHeight = 0,
    Propose = 1,
    Prevote = 2,
    Precommit = 3,
}
