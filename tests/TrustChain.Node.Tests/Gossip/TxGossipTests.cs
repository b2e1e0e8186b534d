using System.Collections.Concurrent;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using TrustChain.Node.Dev;
using TrustChain.Node.Hosting.Network;

namespace TrustChain.Node.Tests.Gossip;

/// <summary>
/// Transaction gossip between real hosts and pools on loopback. Flushes are driven by the size trigger (the flush
/// interval is far beyond the test), so the batch counts asserted are exact, not timing-dependent.
/// </summary>
[TestFixture]
public sealed class TxGossipTests
{
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);

    [Test]
    public async Task A_batch_lands_in_the_peer_pool_in_one_frame_and_is_not_echoed_back()
    {
        const int count = 200;
        await using GossipTestNode a = await GossipTestNode.StartAsync(new TxGossipOptions { FlushInterval = Never, MaxBatchCount = count });
        // B flushes once it holds A's batch plus one transaction of its own, so its one flush covers all of A's.
        await using GossipTestNode b = await GossipTestNode.StartAsync(new TxGossipOptions { FlushInterval = Never, MaxBatchCount = count + 1 }, a.Address);
        await WaitUntil(() => a.Gossip.PeerCount == 1 && b.Gossip.PeerCount == 1, "the connection");
        Transaction[] batch = Transfers(a, senders: 8, perSender: count / 8, firstSender: 0);

        Assert.That(a.Pool.SubmitBatch(batch).All(r => r.Accepted), Is.True);
        await WaitUntil(() => b.Pool.PendingCount == count, "B's pool to hold the batch");

        Assert.That(a.Gossip.BatchesSent, Is.EqualTo(1), "one frame for the whole batch");
        Assert.That(a.Gossip.TransactionsSent, Is.EqualTo(count));
        Assert.That(b.Gossip.BatchesReceived, Is.EqualTo(1));
        Assert.That(b.Pool.GetPending().Select(t => t.Hash), Is.EquivalentTo(batch.Select(t => t.Hash)));
        Assert.That(b.Gossip.PeerKnows(a.Host.LocalNodeId, batch[0].Hash), Is.True);

        Transaction own = Transfers(b, senders: 1, perSender: 1, firstSender: 8).Single();
        Assert.That(b.Pool.Submit(own).Accepted, Is.True);
        await WaitUntil(() => a.Pool.TryGet(own.Hash, out _), "A's pool to get B's own transaction");

        Assert.That(b.Gossip.TransactionsSent, Is.EqualTo(1), "B sent only its own transaction, none of A's back");
        Assert.That(a.Gossip.BatchesReceived, Is.EqualTo(1));
        Assert.That(a.Pool.PendingCount, Is.EqualTo(count + 1));
    }

    [Test]
    public async Task Invalid_transactions_in_a_batch_score_the_peer_each_while_the_valid_ones_are_admitted()
    {
        await using GossipTestNode node = await GossipTestNode.StartAsync(new TxGossipOptions { FlushInterval = Never });
        await using RawTxPeer peer = await RawTxPeer.ConnectAsync(node);
        Transaction[] valid = Transfers(node, senders: 3, perSender: 1, firstSender: 0);
        Transaction wrongChain = Sign(DevAccounts.Get(5), node.Spec.ChainId + 1, 0, node.Chain.NextBaseFee);

        peer.SendBatch(valid[0], wrongChain, valid[1]);
        await WaitUntil(() => node.Pool.PendingCount == 2, "the valid transactions");

        Assert.That(node.Gossip.InvalidReceived, Is.EqualTo(1));
        Assert.That(node.Host.IsBanned(peer.NodeId), Is.False, "one invalid transaction costs 40 of 100 points");

        // Two more invalid ones in one frame pass the threshold: a batch is charged per transaction.
        Transaction wrongChain2 = Sign(DevAccounts.Get(6), node.Spec.ChainId + 1, 0, node.Chain.NextBaseFee);
        Transaction tipAboveCap = Sign(DevAccounts.Get(7), node.Spec.ChainId, 0, node.Chain.NextBaseFee, tipAboveCap: true);
        peer.SendBatch(wrongChain2, valid[2], tipAboveCap);
        await WaitUntil(() => node.Host.IsBanned(peer.NodeId), "the ban");

        Assert.That(node.Gossip.InvalidReceived, Is.EqualTo(3));
        Assert.That(node.Pool.TryGet(valid[2].Hash, out _), Is.True, "the valid transaction of the banning batch is still admitted");
        Assert.That(node.Pool.TryGet(wrongChain.Hash, out _), Is.False);
    }

    private static IEnumerable<TestCaseData> Undecodable()
    {
        yield return new TestCaseData(ChannelIds.TransactionBatchMessageType, new byte[] { 0, 0, 0, 1, 0, 0, 0, 2, 0xc1, 0x80 })
            .SetName("A batch holding an undecodable transaction bans at once");
        yield return new TestCaseData(ChannelIds.TransactionBatchMessageType, new byte[] { 0, 0, 0, 9 })
            .SetName("A batch whose count its bytes cannot hold bans at once");
        yield return new TestCaseData(ChannelIds.TransactionMessageType, new byte[] { 0x05 })
            .SetName("A single transaction of an unknown type bans at once");
    }

    [TestCaseSource(nameof(Undecodable))]
    public async Task Undecodable_messages_ban_the_peer_and_admit_nothing(byte messageType, byte[] payload)
    {
        await using GossipTestNode node = await GossipTestNode.StartAsync(new TxGossipOptions { FlushInterval = Never });
        await using RawTxPeer peer = await RawTxPeer.ConnectAsync(node);

        peer.Send(messageType, payload);
        await WaitUntil(() => node.Host.IsBanned(peer.NodeId), "the ban");

        Assert.That(node.Pool.PendingCount + node.Pool.QueuedCount, Is.Zero);
    }

    [Test]
    public async Task A_single_transaction_message_from_an_older_peer_is_still_admitted()
    {
        await using GossipTestNode node = await GossipTestNode.StartAsync(new TxGossipOptions { FlushInterval = Never });
        await using RawTxPeer peer = await RawTxPeer.ConnectAsync(node);
        Transaction tx = Transfers(node, senders: 1, perSender: 1, firstSender: 0).Single();

        peer.Send(ChannelIds.TransactionMessageType, TransactionEncoder.Encode(tx));
        await WaitUntil(() => node.Pool.TryGet(tx.Hash, out _), "the transaction");

        Assert.That(node.Gossip.PeerKnows(peer.NodeId, tx.Hash), Is.True);
    }

    private static Transaction[] Transfers(GossipTestNode node, int senders, int perSender, int firstSender)
    {
        var result = new List<Transaction>();
        for (int s = firstSender; s < firstSender + senders; s++)
        {
            PrivateKey key = DevAccounts.Get(s);
            ulong nonce = node.Pool.GetPendingNonce(key.Address);
            for (int n = 0; n < perSender; n++)
            {
                result.Add(Sign(key, node.Spec.ChainId, nonce + (ulong)n, node.Chain.NextBaseFee));
            }
        }

        return result.ToArray();
    }

    private static Transaction Sign(PrivateKey key, ulong chainId, ulong nonce, UInt256 baseFee, bool tipAboveCap = false)
    {
        UInt256 maxFee = baseFee + baseFee + 1_000_000_000UL;
        Transaction signed = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Eip1559,
            ChainId = chainId,
            Nonce = nonce,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = tipAboveCap ? maxFee + 1UL : 1_000_000_000UL,
            GasLimit = 21_000,
            To = new Address(Keccak256.Compute(BitConverter.GetBytes(nonce)).Bytes[..20]),
            Value = 1UL,
        }, key);

        // Through the wire form, as a peer's transactions arrive: no sender until recovered.
        return TransactionDecoder.Decode(TransactionEncoder.Encode(signed));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>A peer that speaks the transaction channel by hand.</summary>
    private sealed class RawTxPeer : IChannelHandler, IAsyncDisposable
    {
        private readonly P2PHost _host;
        private readonly NodeId _target;
        private readonly ConcurrentQueue<NodeId> _connected = new();

        private RawTxPeer(GossipTestNode target)
        {
            _target = target.Host.LocalNodeId;
            Key = PrivateKey.Generate();
            _host = new P2PHost(new P2PConfig
            {
                NodeKey = Key,
                ChainId = target.Spec.ChainId,
                GenesisHash = target.Chain.GenesisHash,
                Listen = false,
                PersistentPeers = [target.Address],
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            });
            _host.RegisterChannel(ChannelIds.Transactions, this);
        }

        public PrivateKey Key { get; }

        public NodeId NodeId => _host.LocalNodeId;

        public static async Task<RawTxPeer> ConnectAsync(GossipTestNode target)
        {
            RawTxPeer peer = new(target);
            await peer._host.StartAsync();
            await WaitUntil(() => !peer._connected.IsEmpty && target.Gossip.PeerCount == 1, "the raw peer's connection");
            return peer;
        }

        public void SendBatch(params Transaction[] transactions) =>
            Send(ChannelIds.TransactionBatchMessageType, TransactionBatchMessages.Encode(transactions.Select(TransactionEncoder.Encode).ToArray()));

        public void Send(byte messageType, byte[] payload) =>
            Assert.That(_host.Send(_target, ChannelIds.Transactions, messageType, payload), Is.True, "the frame was queued");

        public void OnPeerConnected(PeerInfo peer) => _connected.Enqueue(peer.Id);

        public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
        {
        }

        public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason)
        {
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
