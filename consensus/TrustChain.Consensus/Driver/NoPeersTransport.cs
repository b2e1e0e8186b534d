using TrustChain.Consensus.Tendermint;

namespace TrustChain.Consensus.Driver;

/// <summary>The transport of a single-validator chain (the dev chain): nobody to send to, nothing ever arrives.</summary>
public sealed class NoPeersTransport : IConsensusTransport
{
    public event Action<string, ReadOnlyMemory<byte>>? MessageReceived
    {
        add { }
        remove { }
    }

    public void Broadcast(ReadOnlyMemory<byte> encodedMessage)
    {
    }

    public void ReportBadPeer(string peerId, string reason) =>
        throw new InvalidOperationException($"a single-validator chain has no peers, yet peer {peerId} was reported: {reason}");
}
