namespace TrustChain.Network.Protocol;

/// <summary>The handler channels of a TrustChain node (channel 0 is the transport's own).</summary>
public static class ChannelIds
{
    /// <summary>Proposals, votes and evidence: message type <see cref="ConsensusMessageType"/>, payload = the consensus codec's bytes.</summary>
    public const byte Consensus = 1;

    /// <summary>
    /// Signed transactions gossiped into the mempool: <see cref="TransactionBatchMessageType"/> (many per frame, see
    /// <see cref="TransactionBatchMessages"/>), or the older <see cref="TransactionMessageType"/> (payload = one raw
    /// transaction), which is still accepted.
    /// </summary>
    public const byte Transactions = 2;

    /// <summary>Head announcements and block ranges: <see cref="SyncMessageType"/>.</summary>
    public const byte BlockSync = 3;

    public const byte ConsensusMessageType = 1;

    public const byte TransactionMessageType = 1;

    public const byte TransactionBatchMessageType = 2;
}
