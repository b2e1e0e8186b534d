using System.Buffers.Binary;
using System.Net;
using TrustChain.Core.Crypto;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;

namespace TrustChain.Network.Tests;

[CancelAfter(30_000)]
public class HostFrameTests
{
    private static int _nextAddress = 10;

    [TestCase(1024, 64 * 1024 * 1024)]
    [TestCase(P2PConfig.DefaultMaxFrameSize, int.MaxValue)]
    public async Task OversizeLengthPrefix_DisconnectsAndBans_WithoutAllocatingTheFrame(int cap, int announced)
    {
        RecordingHandler handler = new();
        await using P2PHost host = await TestNet.StartAsync(TestNet.Config() with { MaxFrameSize = cap }, (1, handler));
        IPAddress source = NextAddress();
        await using RawPeer raw = await RawPeer.ConnectAsync(host.ListenEndPoint!, source);
        PrivateKey key = PrivateKey.Generate();
        SecureSession session = await raw.HandshakeAsync(key, cap);
        await TestNet.EventuallyAsync(() => host.PeerCount == 1, "peer registered");

        byte[] prefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)announced);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await raw.WriteAsync(prefix);
        DisconnectReason reason = await raw.ReadUntilDisconnectAsync(session.Decryptor, TimeSpan.FromSeconds(5));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(reason, Is.EqualTo(DisconnectReason.FrameTooLarge));
        Assert.That(allocated, Is.LessThan(announced / 2), "the announced frame was never allocated");
        await TestNet.EventuallyAsync(() => host.PeerCount == 0, "peer dropped");
        Assert.That(host.IsBanned(source), Is.True);
        Assert.That(host.IsBanned(NodeId.FromPrivateKey(key)), Is.True, "an authenticated offender is banned by id too");
        Assert.That(handler.Disconnected.TryPeek(out (NodeId, DisconnectReason Reason) seen) ? seen.Reason : DisconnectReason.None, Is.EqualTo(DisconnectReason.FrameTooLarge));
    }

    [Test]
    public async Task TamperedCiphertext_Disconnects()
    {
        RecordingHandler handler = new();
        await using P2PHost host = await TestNet.StartAsync(TestNet.Config(), (1, handler));
        IPAddress source = NextAddress();
        await using RawPeer raw = await RawPeer.ConnectAsync(host.ListenEndPoint!, source);
        SecureSession session = await raw.HandshakeAsync(PrivateKey.Generate());
        byte[] frame = session.Encryptor.SealFrame(1, 1, new byte[64]);
        frame[20] ^= 0x10;
        await raw.WriteAsync(frame);
        Assert.That(await raw.ReadUntilDisconnectAsync(session.Decryptor, TimeSpan.FromSeconds(5)), Is.EqualTo(DisconnectReason.DecryptionFailed));
        Assert.That(handler.Messages, Is.Empty);
        Assert.That(host.IsBanned(source), Is.True);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ReplayedOrReorderedFrame_Rejected(bool reorder)
    {
        RecordingHandler handler = new();
        await using P2PHost host = await TestNet.StartAsync(TestNet.Config(), (1, handler));
        await using RawPeer raw = await RawPeer.ConnectAsync(host.ListenEndPoint!, NextAddress());
        SecureSession session = await raw.HandshakeAsync(PrivateKey.Generate());
        byte[] first = session.Encryptor.SealFrame(1, 1, [1]);
        byte[] second = session.Encryptor.SealFrame(1, 1, [2]);
        byte[] wire = reorder ? [.. second, .. first] : [.. first, .. first];
        await raw.WriteAsync(wire);
        Assert.That(await raw.ReadUntilDisconnectAsync(session.Decryptor, TimeSpan.FromSeconds(5)), Is.EqualTo(DisconnectReason.DecryptionFailed));
        Assert.That(handler.Messages.Count, Is.EqualTo(reorder ? 0 : 1), "only frames in counter order are delivered");
    }

    [Test]
    public async Task ValidFramesFromRawPeer_AreDelivered()
    {
        RecordingHandler handler = new();
        await using P2PHost host = await TestNet.StartAsync(TestNet.Config(), (9, handler));
        await using RawPeer raw = await RawPeer.ConnectAsync(host.ListenEndPoint!);
        SecureSession session = await raw.HandshakeAsync(PrivateKey.Generate());
        await raw.WriteAsync([.. session.Encryptor.SealFrame(9, 4, [1, 2]), .. session.Encryptor.SealFrame(200, 1, [3])]);
        await TestNet.EventuallyAsync(() => handler.Messages.Count == 1, "delivered");
        Assert.That(handler.Messages.TryPeek(out (NodeId From, byte Type, byte[] Payload) m) ? (m.Type, m.Payload) : default, Is.EqualTo(((byte)4, new byte[] { 1, 2 })));
        Assert.That(host.PeerCount, Is.EqualTo(1), "an unregistered channel is ignored, not punished");
    }

    private static IPAddress NextAddress() => IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _nextAddress)}");
}
