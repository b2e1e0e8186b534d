namespace TrustChain.Consensus.Sync;

/// <summary>What block sync needs from the network layer.</summary>
public interface IBlockSyncPeers
{
    /// <summary>Connected peers and their announced heads.</summary>
    IReadOnlyList<SyncPeer> GetPeers();

    /// <summary>
    /// Blocks <paramref name="from"/> .. from + count − 1 from one peer, in order. Throws (timeout, disconnect,
    /// malformed answer) when the peer does not deliver; the caller then asks another peer.
    /// </summary>
    Task<IReadOnlyList<SyncBlock>> RequestBlocksAsync(string peerId, ulong from, int count, CancellationToken cancellationToken);

    /// <summary>The peer served a block or commit that does not verify.</summary>
    void ReportBadPeer(string peerId, string reason);
}
