namespace TrustChain.Network.Protocol;

/// <summary>The handler channels of a TrustChain node (channel 0 is the transport's own).</summary>
public static class ChannelIds
{
    /// <summary>Proposals, votes and evidence: message type <see cref="ConsensusMessageType"/>, payload = the consensus codec's bytes.</summary>
    public const byte Consensus = 1;

    /// <summary>Signed transactions gossiped into the mempool: message type <see cref="TransactionMessageType"/>, payload = the raw transaction.</summary>
    public const byte Transactions = 2;

    /// <summary>Head announcements and block ranges: <see cref="SyncMessageType"/>.</summary>
    public const byte BlockSync = 3;

    public const byte ConsensusMessageType = 1;

    public const byte TransactionMessageType = 1;
}
