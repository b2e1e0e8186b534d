using System.Net;
using TrustChain.Core.Crypto;
using TrustChain.Network.Handshake;

namespace TrustChain.Network.Tests;

[CancelAfter(40_000)]
public class PeerLifecycleTests
{
    [Test]
    public async Task SilentPeer_DroppedAfterPingTimeout()
    {
        RecordingHandler handler = new();
        P2PConfig config = TestNet.Config() with { PingInterval = TimeSpan.FromMilliseconds(100), PingTimeout = TimeSpan.FromMilliseconds(600) };
        await using P2PHost host = await TestNet.StartAsync(config, (1, handler));
        await using RawPeer raw = await RawPeer.ConnectAsync(host.ListenEndPoint!);
        SecureSession session = await raw.HandshakeAsync(PrivateKey.Generate());
        long start = Environment.TickCount64;
        DisconnectReason reason = await raw.ReadUntilDisconnectAsync(session.Decryptor, TimeSpan.FromSeconds(5));
        long elapsed = Environment.TickCount64 - start;
        Assert.That(reason, Is.EqualTo(DisconnectReason.PingTimeout));
        Assert.That(elapsed, Is.InRange(500, 3000));
        await TestNet.EventuallyAsync(() => handler.Disconnected.Count == 1, "handler told");
        Assert.That(handler.Disconnected.TryPeek(out (NodeId, DisconnectReason Reason) d) ? d.Reason : default, Is.EqualTo(DisconnectReason.PingTimeout));
        Assert.That(host.IsBanned(IPAddress.Loopback), Is.False, "silence is not misbehaviour");
    }

    [Test]
    public async Task ActivePeers_StayConnectedWellPastThePingTimeout()
    {
        P2PConfig fast = TestNet.Config() with { PingInterval = TimeSpan.FromMilliseconds(100), PingTimeout = TimeSpan.FromMilliseconds(800) };
        await using P2PHost a = await TestNet.StartAsync(fast);
        await using P2PHost b = await TestNet.StartAsync(TestNet.Config() with { PingInterval = fast.PingInterval, PingTimeout = fast.PingTimeout });
        await b.ConnectAsync(TestNet.AddressOf(a));
        await Task.Delay(2500);
        Assert.That((a.PeerCount, b.PeerCount), Is.EqualTo((1, 1)));
        Assert.That(a.Metrics.HandshakesFailed + b.Metrics.HandshakesFailed, Is.Zero);
        Assert.That(a.Metrics.MessagesReceived(0), Is.GreaterThan(5), "pings and pongs flowed");
    }

    [Test]
    public async Task ReportBad_DisconnectsAndBans_ThenBanExpiryAllowsReconnection()
    {
        RecordingHandler onB = new();
        P2PConfig configA = TestNet.Config(listen: IPAddress.Parse("127.0.0.2")) with { BanDuration = TimeSpan.FromSeconds(1.5) };
        await using P2PHost a = await TestNet.StartAsync(configA);
        P2PConfig configB = TestNet.Config(listen: IPAddress.Parse("127.0.0.3")) with { PersistentPeers = [TestNet.AddressOf(a)] };
        await using P2PHost b = await TestNet.StartAsync(configB, (1, onB));
        await TestNet.EventuallyAsync(() => a.PeerCount == 1, "persistent connection");
        Assert.That(a.Peers[0].RemoteEndPoint.Address, Is.EqualTo(IPAddress.Parse("127.0.0.3")));

        a.ReportBad(b.LocalNodeId, "stale vote", MisbehaviourSeverity.Minor);
        await Task.Delay(100);
        Assert.That(a.IsConnected(b.LocalNodeId), Is.True, "one minor offence is tolerated");

        long bannedAt = Environment.TickCount64;
        a.ReportBad(b.LocalNodeId, "invalid block signature", MisbehaviourSeverity.Fatal);
        await TestNet.EventuallyAsync(() => onB.Disconnected.Count == 1, "b learns it was dropped");
        Assert.That(onB.Disconnected.TryPeek(out (NodeId, DisconnectReason Reason) d) ? d.Reason : default, Is.EqualTo(DisconnectReason.Misbehaviour));
        Assert.That(a.IsBanned(b.LocalNodeId), Is.True);
        Assert.That(a.IsBanned(IPAddress.Parse("127.0.0.3")), Is.True);

        await TestNet.EventuallyAsync(() => a.PeerCount == 1 && b.PeerCount == 1, TimeSpan.FromSeconds(10), "reconnected after the ban");
        Assert.That(Environment.TickCount64 - bannedAt, Is.GreaterThanOrEqualTo(1400), "not before the ban expired");
        Assert.That(a.IsBanned(b.LocalNodeId), Is.False);
    }

    [Test]
    public async Task MaxInboundPeers_Enforced_PersistentPeerExempt()
    {
        PrivateKey persistentKey = PrivateKey.Generate();
        P2PHost? pinned = null;
        P2PConfig configA = TestNet.Config() with
        {
            MaxInboundPeers = 2,
            PersistentPeers = [new PeerAddress("127.0.0.1", 9, NodeId.FromPrivateKey(persistentKey))],
        };
        await using P2PHost a = await TestNet.StartAsync(configA);
        List<P2PHost> others = new();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                others.Add(await TestNet.StartAsync(TestNet.Config()));
            }

            await others[0].ConnectAsync(TestNet.AddressOf(a));
            await others[1].ConnectAsync(TestNet.AddressOf(a));
            await TestNet.EventuallyAsync(() => a.PeerCount == 2, "two inbound registered");
            HandshakeException? ex = Assert.ThrowsAsync<HandshakeException>(() => others[2].ConnectAsync(TestNet.AddressOf(a)));
            Assert.That((ex!.Reason, ex.IsRemote), Is.EqualTo((DisconnectReason.TooManyPeers, true)));
            Assert.That(a.PeerCount, Is.EqualTo(2));
            Assert.That(a.Metrics.InboundPeers, Is.EqualTo(2));

            pinned = await TestNet.StartAsync(TestNet.Config(persistentKey));
            await pinned.ConnectAsync(TestNet.AddressOf(a));
            await TestNet.EventuallyAsync(() => a.PeerCount == 3, "persistent peers do not count against the limit");
            Assert.That(a.Metrics.InboundPeers, Is.EqualTo(3));
        }
        finally
        {
            foreach (P2PHost other in others)
            {
                await other.DisposeAsync();
            }

            if (pinned is not null)
            {
                await pinned.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task PersistentPeer_ReconnectsAfterTheOtherSideRestarts()
    {
        PrivateKey keyB = PrivateKey.Generate();
        P2PHost b = await TestNet.StartAsync(TestNet.Config(keyB));
        int port = b.ListenEndPoint!.Port;
        RecordingHandler onA = new();
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config() with { PersistentPeers = [TestNet.AddressOf(b)] }, (1, onA));
        await TestNet.EventuallyAsync(() => a.IsConnected(b.LocalNodeId), "first connection");

        await b.DisposeAsync();
        await TestNet.EventuallyAsync(() => a.PeerCount == 0, "a saw b go");
        await Task.Delay(300);

        await using P2PHost restarted = await TestNet.StartAsync(TestNet.Config(keyB) with { ListenPort = port });
        await TestNet.EventuallyAsync(() => a.IsConnected(restarted.LocalNodeId) && restarted.PeerCount == 1, TimeSpan.FromSeconds(10), "reconnected");
        Assert.That(onA.Connected.Count, Is.EqualTo(2));
        Assert.That(onA.Disconnected.TryPeek(out (NodeId, DisconnectReason Reason) d) ? d.Reason : default, Is.AnyOf(DisconnectReason.Shutdown, DisconnectReason.ConnectionClosed));
    }

    [Test]
    public async Task SlowPeer_IsDropped_WithoutBlockingOthers()
    {
        P2PConfig config = TestNet.Config() with { MaxFrameSize = 64 * 1024, SendQueueCapacity = 64, SendQueueMaxBytes = 1024 * 1024 };
        await using P2PHost host = await TestNet.StartAsync(config);
        RecordingHandler fastHandler = new();
        await using P2PHost fast = await TestNet.StartAsync(TestNet.Config(), (1, fastHandler));
        await fast.ConnectAsync(TestNet.AddressOf(host));
        await using RawPeer slow = await RawPeer.ConnectAsync(host.ListenEndPoint!);
        await slow.HandshakeAsync(PrivateKey.Generate(), config.MaxFrameSize);
        await TestNet.EventuallyAsync(() => host.PeerCount == 2, "both connected");

        byte[] chunk = new byte[64 * 1024];
        int sent = 0;
        for (; sent < 2000 && host.Metrics.PeersDropped == 0; sent++)
        {
            host.Broadcast(1, 1, chunk);
            await Task.Delay(1);
        }

        Assert.That(host.Metrics.PeersDropped, Is.EqualTo(1), $"slow peer dropped after {sent} broadcasts");
        await TestNet.EventuallyAsync(() => host.PeerCount == 1, "only the fast peer remains");
        Assert.That(host.IsConnected(fast.LocalNodeId), Is.True);
        Assert.That(host.Send(fast.LocalNodeId, 1, 2, new byte[] { 1 }), Is.True);
        await TestNet.EventuallyAsync(() => fastHandler.Messages.Count >= sent - 16, TimeSpan.FromSeconds(10), "fast peer still receives");
    }
}
