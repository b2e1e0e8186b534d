using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Consensus;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using TrustChain.Node.Hosting;
using TrustChain.Node.Hosting.Network;
using TrustChain.Node.Tests.Cli;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Tests.Network;

/// <summary>
/// A peer that announced head 0 and then sends a (well-formed, signed) consensus vote for height 1000 is inventing a
/// height: the node bans it and keeps running. A vote one height ahead from the same kind of peer is harmless.
/// </summary>
[TestFixture]
public sealed class FutureHeightPeerTests
{
    [Test]
    public async Task A_peer_voting_far_beyond_its_announced_head_is_banned_and_the_node_keeps_running()
    {
        using TempDirectory dir = new();
        ChainSpec spec = GenesisLoader.Load(RepoPaths.Genesis);
        using Blockchain chain = Blockchain.Open(Path.Combine(dir.Path, "db"), spec, NodeRunner.CreateChainOptions(spec));
        ChainTxPool pool = new(spec, () => chain.HeadState, () => chain.NextBaseFee);
        NetworkSettings settings = LoneFollowerSettings.In(dir.Path);
        using CancellationTokenSource stop = new();
        NetworkNode node = new(chain, pool, settings, PrivateKey.Generate(), null, dir.Path, NullLoggerFactory.Instance);
        await using (node.ConfigureAwait(false))
        {
            await node.StartAsync(stop.Token);
            Task running = Task.Run(() => node.RunAsync(stop.Token));

            PrivateKey attackerKey = PrivateKey.Generate();
            NodeId attacker = NodeId.FromPrivateKey(attackerKey);
            Listener sync = new();
            await using P2PHost peer = new(new P2PConfig
            {
                NodeKey = attackerKey,
                ChainId = spec.ChainId,
                GenesisHash = chain.GenesisHash,
                Listen = false,
                PersistentPeers = [PeerAddress.Parse($"{node.NodeId.ToHexString()}@{node.Host.ListenEndPoint}")],
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            });
            peer.RegisterChannel(ChannelIds.BlockSync, sync);
            peer.RegisterChannel(ChannelIds.Consensus, new Listener());
            await peer.StartAsync(stop.Token);
            await WaitUntil(() => !sync.Connected.IsEmpty, "the connection");
            Assert.That(peer.Send(node.NodeId, ChannelIds.BlockSync, (byte)SyncMessageType.Status, SyncMessages.EncodeStatus(0)), Is.True);

            // Consensus runs on height 1; a vote for 2 is within what an honest peer at head 0 may still send.
            PrivateKey voter = PrivateKey.Generate();
            peer.Send(node.NodeId, ChannelIds.Consensus, ChannelIds.ConsensusMessageType, Encode(voter, 2));
            await Task.Delay(500);
            Assert.That(node.Host.IsBanned(attacker), Is.False, "a message within the slack is no offence");

            // Re-sent until consensus is up (the node first waits briefly for peers to announce their heads).
            await WaitUntil(() =>
            {
                peer.Send(node.NodeId, ChannelIds.Consensus, ChannelIds.ConsensusMessageType, Encode(voter, 1000));
                return node.Host.IsBanned(attacker);
            }, "the ban");
            Assert.That(running.IsCompleted, Is.False, "the node keeps running");
            await stop.CancelAsync();
            await running;
        }
    }

    private static byte[] Encode(PrivateKey key, ulong height)
    {
        byte[] signature = key.Sign(VoteSignBytes.Compute(7357, height, 0, Hash256.Zero, VoteType.Prevote)).ToBytes65();
        return ConsensusMessageCodec.Encode(new Vote(VoteType.Prevote, height, 0, null, key.Address, signature));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, $"timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    private sealed class Listener : IChannelHandler
    {
        public ConcurrentQueue<NodeId> Connected { get; } = new();

        public void OnPeerConnected(PeerInfo peer) => Connected.Enqueue(peer.Id);

        public void OnMessage(PeerInfo peer, byte messageType, ReadOnlyMemory<byte> payload)
        {
        }

        public void OnPeerDisconnected(PeerInfo peer, DisconnectReason reason)
        {
        }
    }
}
