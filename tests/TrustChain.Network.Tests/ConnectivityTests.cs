using System.Text;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Tests;

[CancelAfter(30_000)]
public class ConnectivityTests
{
    [Test]
    public async Task TwoHosts_ConnectViaBootnode_AndExchangeOnTwoChannels()
    {
        RecordingHandler a1 = new(), a2 = new(), b1 = new(), b2 = new();
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config(), (1, a1), (2, a2));
        await using P2PHost b = await TestNet.StartAsync(TestNet.Config() with { Bootnodes = [TestNet.AddressOf(a, withId: false)] }, (1, b1), (2, b2));
        await TestNet.EventuallyAsync(() => a.PeerCount == 1 && b.PeerCount == 1, "bootnode connection");
        Assert.That(b.Peers[0].Direction, Is.EqualTo(PeerDirection.Outbound));
        Assert.That(a.Peers[0].Direction, Is.EqualTo(PeerDirection.Inbound));
        Assert.That(a1.Connected, Is.EquivalentTo(new[] { b.LocalNodeId }));

        byte[] big = new byte[1_000_000];
        new Random(7).NextBytes(big);
        Assert.That(b.Send(a.LocalNodeId, 1, 10, "consensus"u8.ToArray()), Is.True);
        Assert.That(b.Send(a.LocalNodeId, 2, 20, big), Is.True);
        Assert.That(a.Send(b.LocalNodeId, 2, 21, "mempool"u8.ToArray()), Is.True);
        await TestNet.EventuallyAsync(() => a1.Messages.Count == 1 && a2.Messages.Count == 1 && b2.Messages.Count == 1, "messages delivered");

        a1.Messages.TryPeek(out (NodeId From, byte Type, byte[] Payload) onA1);
        a2.Messages.TryPeek(out (NodeId From, byte Type, byte[] Payload) onA2);
        b2.Messages.TryPeek(out (NodeId From, byte Type, byte[] Payload) onB2);
        Assert.That((onA1.From, onA1.Type, Encoding.ASCII.GetString(onA1.Payload)), Is.EqualTo((b.LocalNodeId, (byte)10, "consensus")));
        Assert.That((onA2.Type, onA2.Payload), Is.EqualTo(((byte)20, big)));
        Assert.That((onB2.From, onB2.Type, Encoding.ASCII.GetString(onB2.Payload)), Is.EqualTo((a.LocalNodeId, (byte)21, "mempool")));
        Assert.That(b1.Messages, Is.Empty, "channel 1 on b got nothing");
        Assert.That(a.Metrics.MessagesReceived(1), Is.EqualTo(1));
        Assert.That(a.Metrics.MessagesReceived(2), Is.EqualTo(1));
        Assert.That(a.Metrics.BytesReceived, Is.GreaterThan(big.Length));
        Assert.That(b.Metrics.BytesSent, Is.GreaterThan(big.Length));
    }

    [Test]
    public async Task FiveHosts_FullMesh_BroadcastReachesAll()
    {
        const int count = 5;
        List<P2PHost> hosts = new();
        List<RecordingHandler> handlers = new();
        try
        {
            for (int i = 0; i < count; i++)
            {
                List<PeerAddress> bootnodes = new();
                foreach (P2PHost earlier in hosts)
                {
                    bootnodes.Add(TestNet.AddressOf(earlier));
                }

                RecordingHandler handler = new();
                handlers.Add(handler);
                hosts.Add(await TestNet.StartAsync(TestNet.Config() with { Bootnodes = bootnodes }, (1, handler), (2, new RecordingHandler())));
            }

            await TestNet.EventuallyAsync(() => hosts.TrueForAll(h => h.PeerCount == count - 1), TimeSpan.FromSeconds(10), "full mesh");
            for (int i = 0; i < count; i++)
            {
                Assert.That(hosts[i].Broadcast(1, 1, new[] { (byte)i }), Is.EqualTo(count - 1));
            }

            await TestNet.EventuallyAsync(() => handlers.TrueForAll(h => h.Messages.Count == count - 1), "every broadcast delivered");
            for (int i = 0; i < count; i++)
            {
                List<byte> senders = new();
                foreach ((NodeId from, byte _, byte[] payload) in handlers[i].Messages)
                {
                    Assert.That(from, Is.EqualTo(hosts[payload[0]].LocalNodeId), "payload came from its sender");
                    senders.Add(payload[0]);
                }

                Assert.That(senders, Is.Unique.And.Not.Contains((byte)i));
            }

            Assert.That(hosts[0].Broadcast(1, 2, new byte[] { 99 }, except: hosts[1].LocalNodeId), Is.EqualTo(count - 2));
            await TestNet.EventuallyAsync(() => handlers[2].Messages.Count == count, "broadcast with exception delivered");
            await Task.Delay(100);
            Assert.That(handlers[1].Messages.Count, Is.EqualTo(count - 1), "excluded peer got nothing");
        }
        finally
        {
            foreach (P2PHost host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task SimultaneousDials_ResolveToOneConnectionBothSidesAgreeOn()
    {
        P2PConfig configA = TestNet.Config();
        P2PConfig configB = TestNet.Config();
        await using P2PHost a = await TestNet.StartAsync(configA);
        await using P2PHost b = await TestNet.StartAsync(configB);
        Task<NodeId>[] dials = [ConnectIgnoringDuplicate(a, b), ConnectIgnoringDuplicate(b, a), ConnectIgnoringDuplicate(a, b), ConnectIgnoringDuplicate(b, a)];
        await Task.WhenAll(dials);
        await TestNet.EventuallyAsync(() => a.PeerCount == 1 && b.PeerCount == 1, "one connection each");
        await Task.Delay(300);
        Assert.That((a.PeerCount, b.PeerCount), Is.EqualTo((1, 1)));

        PeerInfo onA = a.Peers[0];
        PeerInfo onB = b.Peers[0];
        Assert.That(onA.Direction, Is.Not.EqualTo(onB.Direction), "same TCP connection seen from both ends");
        NodeId dialer = onA.Direction == PeerDirection.Outbound ? a.LocalNodeId : b.LocalNodeId;
        NodeId other = dialer == a.LocalNodeId ? b.LocalNodeId : a.LocalNodeId;
        Assert.That(dialer.CompareTo(other), Is.LessThan(0), "the lower node id's dial wins");
    }

    [Test]
    public async Task Send_ToUnknownPeer_ReturnsFalse_AndOversizePayloadThrows()
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config() with { MaxFrameSize = 1024 });
        Assert.That(a.Send(NodeId.FromPrivateKey(PrivateKey.Generate()), 1, 1, new byte[1]), Is.False);
        Assert.Throws<ArgumentException>(() => a.Broadcast(1, 1, new byte[1025]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Broadcast(0, 1, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.RegisterChannel(0, new RecordingHandler()));
        a.RegisterChannel(5, new RecordingHandler());
        Assert.Throws<InvalidOperationException>(() => a.RegisterChannel(5, new RecordingHandler()));
    }

    private static async Task<NodeId> ConnectIgnoringDuplicate(P2PHost from, P2PHost to)
    {
        try
        {
            return await from.ConnectAsync(TestNet.AddressOf(to));
        }
        catch (Handshake.HandshakeException ex) when (ex.Reason == DisconnectReason.DuplicateConnection)
        {
            return to.LocalNodeId;
        }
    }
}
