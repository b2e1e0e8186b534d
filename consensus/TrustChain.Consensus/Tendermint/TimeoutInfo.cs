namespace TrustChain.Consensus.Tendermint;

/// <summary>A scheduled timeout: fires <see cref="TendermintEngine.OnTimeout"/> with these values.</summary>
public readonly record struct TimeoutInfo(ulong Height, int Round, ConsensusStep Step);
