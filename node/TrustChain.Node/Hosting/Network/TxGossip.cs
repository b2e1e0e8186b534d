using TrustChain.Core.Transactions;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// The transaction channel: every transaction the pool newly accepts (from RPC or a peer) is sent to all peers, and
/// transactions from peers go into the pool. A transaction the pool already knows is not accepted again, so gossip
/// stops by itself once every node has it.
/// </summary>
public sealed class TxGossip : IChannelHandler, IDisposable
{
    private readonly P2PHost _host;
    private readonly ChainTxPool _pool;

    public TxGossip(P2PHost host, ChainTxPool pool)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pool);
        _host = host;
        _pool = pool;
        _pool.TransactionAdded += OnTransactionAdded;
    }

    public void OnPeerConnected(PeerInfo peer)
    {
    }

    public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
    {
        if (messageType != ChannelIds.TransactionMessageType)
        {
            _host.ReportBad(peer.Id, $"unknown transaction message type {messageType}", MisbehaviourSeverity.Major);
            return;
        }

        Transaction tx;
        try
        {
            tx = TransactionDecoder.Decode(payload.Span);
        }
        catch (TransactionDecodeException e)
        {
            _host.ReportBad(peer.Id, "undecodable transaction: " + e.Message, MisbehaviourSeverity.Fatal);
            return;
        }

        // Rejections (stale nonce, underpriced, already known) are normal in gossip and cost the peer nothing.
        _pool.Submit(tx);
    }

    public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason)
    {
    }

    public void Dispose() => _pool.TransactionAdded -= OnTransactionAdded;

    private void OnTransactionAdded(Transaction tx) =>
        _host.Broadcast(ChannelIds.Transactions, ChannelIds.TransactionMessageType, TransactionEncoder.Encode(tx));
}
