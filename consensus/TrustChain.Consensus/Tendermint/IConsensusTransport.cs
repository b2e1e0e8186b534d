namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// What the network layer implements for consensus: outbound broadcast of encoded messages
/// (<see cref="ConsensusMessageCodec"/>) and an inbound stream. The engine never touches sockets: the node's driver
/// decodes inbound bytes, logs them to the WAL and feeds them to <see cref="TendermintEngine"/> on one thread.
/// </summary>
public interface IConsensusTransport
{
    /// <summary>Raised for every consensus message received from a peer: (peer id, encoded message).</summary>
    event Action<string, ReadOnlyMemory<byte>>? MessageReceived;

    /// <summary>Sends to every connected peer; must not block on slow peers.</summary>
    void Broadcast(ReadOnlyMemory<byte> encodedMessage);

    /// <summary>Called when a peer sent undecodable or invalidly signed data.</summary>
    void ReportBadPeer(string peerId, string reason);
}
