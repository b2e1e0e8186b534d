namespace TrustChain.Consensus.Tendermint;

/// <summary>Bytes from a peer that are not a well-formed consensus message (the peer should be penalised).</summary>
public sealed class ConsensusMessageDecodeException : FormatException
{
    public ConsensusMessageDecodeException(string message) : base(message)
    {
    }

    public ConsensusMessageDecodeException(string message, Exception inner) : base(message, inner)
    {
    }
}
