using System.Collections.Concurrent;
using TrustChain.Chain.Blocks;
using TrustChain.Consensus.Sync;
using TrustChain.Core.Blocks;
using TrustChain.Network;
using TrustChain.Network.Protocol;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// The block-sync channel: announces our head to peers (on connect and after every block), tracks theirs, serves
/// block ranges from the store and turns our range requests into awaited responses.
/// </summary>
public sealed class BlockSyncProtocol : IChannelHandler, IBlockSyncPeers
{
    private const int MaxResponseBytes = P2PConfig.DefaultMaxFrameSize / 2;

    private readonly P2PHost _host;
    private readonly Blockchain _chain;
    private readonly TimeSpan _requestTimeout;
    private readonly ConcurrentDictionary<NodeId, ulong> _heads = new();
    private readonly ConcurrentDictionary<ulong, PendingRequest> _requests = new();
    private long _nextRequestId;

    public BlockSyncProtocol(P2PHost host, Blockchain chain, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(chain);
        _host = host;
        _chain = chain;
        _requestTimeout = requestTimeout;
    }

    /// <summary>Raised when a peer announces a head; arguments are the peer and its head.</summary>
    public event Action<NodeId, ulong>? PeerHeadAnnounced;

    public ulong BestPeerHead
    {
        get
        {
            ulong best = 0;
            foreach (KeyValuePair<NodeId, ulong> head in _heads)
            {
                best = Math.Max(best, head.Value);
            }

            return best;
        }
    }

    /// <summary>The head the peer last announced; false before its first status.</summary>
    public bool TryGetPeerHead(string peerId, out ulong head) => _heads.TryGetValue(NodeId.Parse(peerId), out head);

    public void AnnounceHead(ulong head) =>
        _host.Broadcast(ChannelIds.BlockSync, (byte)SyncMessageType.Status, SyncMessages.EncodeStatus(head));

    public IReadOnlyList<SyncPeer> GetPeers()
    {
        List<SyncPeer> peers = [];
        foreach (KeyValuePair<NodeId, ulong> head in _heads)
        {
            peers.Add(new SyncPeer(head.Key.ToHexString(), head.Value));
        }

        // Stable order, so the syncer's round-robin over peers is not at the mercy of hash order.
        peers.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return peers;
    }

    public async Task<IReadOnlyList<SyncBlock>> RequestBlocksAsync(string peerId, ulong from, int count, CancellationToken cancellationToken)
    {
        NodeId peer = NodeId.Parse(peerId);
        ulong id = (ulong)Interlocked.Increment(ref _nextRequestId);
        PendingRequest pending = new(peer, from, count);
        _requests[id] = pending;
        try
        {
            if (!_host.Send(peer, ChannelIds.BlockSync, (byte)SyncMessageType.GetBlocks, SyncMessages.EncodeGetBlocks(new GetBlocksRequest(id, from, count))))
            {
                throw new IOException($"peer {peer} is not connected");
            }

            return await pending.Completion.Task.WaitAsync(_requestTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _requests.TryRemove(id, out _);
        }
    }

    public void ReportBadPeer(string peerId, string reason) =>
        _host.ReportBad(NodeId.Parse(peerId), reason, MisbehaviourSeverity.Fatal);

    public void OnPeerConnected(PeerInfo peer) =>
        _host.Send(peer.Id, ChannelIds.BlockSync, (byte)SyncMessageType.Status, SyncMessages.EncodeStatus(_chain.Head.Number));

    public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
    {
        try
        {
            switch ((SyncMessageType)messageType)
            {
                case SyncMessageType.Status:
                    ulong head = SyncMessages.DecodeStatus(payload.Span);
                    _heads[peer.Id] = head;
                    PeerHeadAnnounced?.Invoke(peer.Id, head);
                    break;
                case SyncMessageType.GetBlocks:
                    GetBlocksRequest request = SyncMessages.DecodeGetBlocks(payload.Span);
                    _ = Task.Run(() => Serve(peer.Id, request));
                    break;
                case SyncMessageType.Blocks:
                    // Decoding a large response is real work; keep the peer's read loop free.
                    _ = Task.Run(() => Complete(peer.Id, payload));
                    break;
                default:
                    _host.ReportBad(peer.Id, $"unknown sync message type {messageType}", MisbehaviourSeverity.Major);
                    break;
            }
        }
        catch (SyncMessageException e)
        {
            _host.ReportBad(peer.Id, e.Message, MisbehaviourSeverity.Fatal);
        }
    }

    public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason)
    {
        _heads.TryRemove(peer.Id, out _);
        foreach (KeyValuePair<ulong, PendingRequest> request in _requests)
        {
            if (request.Value.Peer == peer.Id)
            {
                request.Value.Completion.TrySetException(new IOException($"peer {peer.Id} disconnected ({reason})"));
            }
        }
    }

    private void Serve(NodeId peer, GetBlocksRequest request)
    {
        List<(Block, Commit)> blocks = [];
        ulong head = _chain.Head.Number;
        for (ulong number = request.From; number < request.From + (ulong)request.Count && number <= head; number++)
        {
            if (_chain.GetBlock(number) is not { } block || _chain.Store.GetCommit(number) is not { } commit)
            {
                break;
            }

            blocks.Add((block, commit));
        }

        _host.Send(peer, ChannelIds.BlockSync, (byte)SyncMessageType.Blocks, SyncMessages.EncodeBlocks(request.RequestId, blocks, MaxResponseBytes));
    }

    private void Complete(NodeId peer, ReadOnlyMemory<byte> payload)
    {
        BlocksResponse response;
        try
        {
            response = SyncMessages.DecodeBlocks(payload.Span);
        }
        catch (SyncMessageException e)
        {
            _host.ReportBad(peer, e.Message, MisbehaviourSeverity.Fatal);
            return;
        }

        if (!_requests.TryGetValue(response.RequestId, out PendingRequest? pending) || pending.Peer != peer)
        {
            // Late answers to timed-out requests are normal; only a stream of them would be suspicious.
            _host.ReportBad(peer, $"unsolicited blocks response {response.RequestId}", MisbehaviourSeverity.Minor);
            return;
        }

        List<SyncBlock> blocks = new(response.Blocks.Count);
        foreach ((Block block, Commit commit) in response.Blocks)
        {
            blocks.Add(new SyncBlock(block, commit));
        }

        pending.Completion.TrySetResult(blocks);
    }

    private sealed class PendingRequest(NodeId peer, ulong from, int count)
    {
        public NodeId Peer { get; } = peer;

        public ulong From { get; } = from;

        public int Count { get; } = count;

        public TaskCompletionSource<IReadOnlyList<SyncBlock>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
