namespace TrustChain.Consensus.Tendermint;

/// <summary>A message the engine exchanges with peers: <see cref="Proposal"/>, <see cref="Vote"/> or evidence.</summary>
public abstract class ConsensusMessage
{
    private protected ConsensusMessage()
    {
    }

    public abstract ConsensusMessageKind Kind { get; }

    public abstract ulong Height { get; }
}
