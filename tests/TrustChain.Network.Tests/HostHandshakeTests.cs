using System.Net;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;
using TrustChain.Network.Transport;

namespace TrustChain.Network.Tests;

[CancelAfter(30_000)]
public class HostHandshakeTests
{
    [TestCase(DisconnectReason.ChainIdMismatch)]
    [TestCase(DisconnectReason.GenesisMismatch)]
    [TestCase(DisconnectReason.ProtocolVersionMismatch)]
    public async Task WrongNetwork_RefusedWithReason_AndNotBanned(DisconnectReason expected)
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config());
        P2PConfig odd = expected switch
        {
            DisconnectReason.ChainIdMismatch => TestNet.Config() with { ChainId = 1 },
            DisconnectReason.GenesisMismatch => TestNet.Config() with { GenesisHash = Keccak256.Compute([42]) },
            _ => TestNet.Config() with { ProtocolVersion = 99 },
        };
        await using P2PHost b = await TestNet.StartAsync(odd);
        HandshakeException? ex = Assert.ThrowsAsync<HandshakeException>(() => b.ConnectAsync(TestNet.AddressOf(a)));
        Assert.That(ex!.Reason, Is.EqualTo(expected));
        await TestNet.EventuallyAsync(() => a.Metrics.HandshakesFailed == 1, "host counted the refusal");
        Assert.That((a.PeerCount, b.PeerCount), Is.EqualTo((0, 0)));
        Assert.That(a.IsBanned(IPAddress.Loopback), Is.False, "a different network is not misbehaviour");
    }

    [Test]
    public async Task WrongChainId_HostSendsTheReasonOnTheWire()
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config());
        await using RawPeer raw = await RawPeer.ConnectAsync(a.ListenEndPoint!);
        PrivateKey key = PrivateKey.Generate();
        (FrameEncryptor enc, FrameDecryptor dec) = await ManualHelloAsync(raw, key, chainId: 1);
        using (enc)
        using (dec)
        {
            Assert.That(await raw.ReadUntilDisconnectAsync(dec, TimeSpan.FromSeconds(5)), Is.EqualTo(DisconnectReason.ChainIdMismatch));
        }
    }

    [Test]
    public async Task SignatureByAnotherKey_Refused_AndAddressBanned()
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config());
        IPAddress attacker = IPAddress.Parse("127.0.0.5");
        await using RawPeer raw = await RawPeer.ConnectAsync(a.ListenEndPoint!, attacker);
        PrivateKey claimed = PrivateKey.Generate();
        PrivateKey actual = PrivateKey.Generate();
        (FrameEncryptor enc, FrameDecryptor dec, byte[] transcript) = await ManualHelloWithTranscriptAsync(raw, claimed, TestNet.ChainId);
        using (enc)
        using (dec)
        {
            await raw.WriteAsync(enc.SealFrame(FrameFormat.ControlChannel, (byte)ControlMessageType.Auth, HandshakeAuth.Sign(actual, HandshakeRole.Initiator, transcript)));
            Frame hostAuth = await PipeIo.ReadFrameAsync(raw.Pipe.Input, dec, CancellationToken.None);
            Assert.That(hostAuth.IsControl(ControlMessageType.Auth), Is.True);
            Assert.That(HandshakeAuth.Verify(a.LocalNodeId, HandshakeRole.Responder, transcript, hostAuth.Payload.Span), Is.True, "the host proved its own key");
            Assert.That(await raw.ReadUntilDisconnectAsync(dec, TimeSpan.FromSeconds(5)), Is.EqualTo(DisconnectReason.InvalidAuthSignature));
        }

        await TestNet.EventuallyAsync(() => a.IsBanned(attacker), "offending address banned");
        Assert.That(a.PeerCount, Is.EqualTo(0));
        Assert.That(a.IsBanned(NodeId.FromPrivateKey(claimed)), Is.False, "an unproven identity is not banned");
    }

    [Test]
    public async Task Garbage_DisconnectedAndBanned_HostKeepsServingOthers()
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config());
        IPAddress attacker = IPAddress.Parse("127.0.0.6");
        await using (RawPeer raw = await RawPeer.ConnectAsync(a.ListenEndPoint!, attacker))
        {
            byte[] garbage = new byte[300];
            new Random(1).NextBytes(garbage);
            await raw.WriteAsync(garbage);
            long received = await raw.ReadToEndAsync(TimeSpan.FromSeconds(5));
            Assert.That(received, Is.EqualTo(HandshakeHello.EncodedLength), "only the host's hello, then close");
        }

        Assert.That(a.IsBanned(attacker), Is.True);
        Assert.That(await BytesFromFreshConnectionAsync(a, attacker), Is.EqualTo(0), "banned address is closed unanswered");

        await using P2PHost b = await TestNet.StartAsync(TestNet.Config());
        Assert.That(await b.ConnectAsync(TestNet.AddressOf(a)), Is.EqualTo(a.LocalNodeId));
        await TestNet.EventuallyAsync(() => a.PeerCount == 1, "honest peer served");
    }

    [Test]
    public async Task ExpectedIdentity_Mismatch_IsRefused()
    {
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config());
        await using P2PHost b = await TestNet.StartAsync(TestNet.Config());
        PeerAddress wrong = new(a.ListenEndPoint!, NodeId.FromPrivateKey(PrivateKey.Generate()));
        Assert.That(Assert.ThrowsAsync<HandshakeException>(() => b.ConnectAsync(wrong))!.Reason, Is.EqualTo(DisconnectReason.UnexpectedIdentity));
    }

    [Test]
    public async Task AllowList_RefusesUnknownInbound()
    {
        P2PHost? friend = null;
        PrivateKey friendKey = PrivateKey.Generate();
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config() with { RequireAllowListForInbound = true, AllowList = [NodeId.FromPrivateKey(friendKey)] });
        await using P2PHost stranger = await TestNet.StartAsync(TestNet.Config());
        HandshakeException? ex = Assert.ThrowsAsync<HandshakeException>(() => stranger.ConnectAsync(TestNet.AddressOf(a)));
        Assert.That((ex!.Reason, ex.IsRemote), Is.EqualTo((DisconnectReason.NotAllowed, true)));
        friend = await TestNet.StartAsync(TestNet.Config(friendKey));
        await using (friend)
        {
            Assert.That(await friend.ConnectAsync(TestNet.AddressOf(a)), Is.EqualTo(a.LocalNodeId));
        }
    }

    private static async Task<long> BytesFromFreshConnectionAsync(P2PHost host, IPAddress source)
    {
        try
        {
            await using RawPeer peer = await RawPeer.ConnectAsync(host.ListenEndPoint!, source);
            return await peer.ReadToEndAsync(TimeSpan.FromSeconds(5));
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The host may reset the connection before the connect call even returns.
            return 0;
        }
    }

    internal static async Task<(FrameEncryptor, FrameDecryptor)> ManualHelloAsync(RawPeer raw, PrivateKey key, ulong chainId)
    {
        (FrameEncryptor enc, FrameDecryptor dec, _) = await ManualHelloWithTranscriptAsync(raw, key, chainId);
        return (enc, dec);
    }

    /// <summary>The initiator's half of the hello exchange and key derivation, done by hand so the test controls the auth step.</summary>
    internal static async Task<(FrameEncryptor, FrameDecryptor, byte[])> ManualHelloWithTranscriptAsync(RawPeer raw, PrivateKey key, ulong chainId)
    {
        PrivateKey ephemeral = PrivateKey.Generate();
        byte[] mine = HandshakeHello.CreateRandom(1, chainId, TestNet.Genesis, NodeId.FromPrivateKey(key), ephemeral).Encode();
        await raw.WriteAsync(mine);
        byte[] theirs = await PipeIo.ReadExactAsync(raw.Pipe.Input, HandshakeHello.EncodedLength, CancellationToken.None);
        HandshakeHello hello = HandshakeHello.Decode(theirs);
        byte[] transcript = HandshakeTranscript.Hash(mine, theirs);
        byte[] shared = new byte[32];
        Assert.That(Secp256k1.TryEcdh(hello.EphemeralPublicKey, ephemeral.KeyBytes, shared), Is.True);
        SessionKeys keys = SessionKeys.Derive(shared, transcript);
        return (new FrameEncryptor(keys.InitiatorToResponder, P2PConfig.DefaultMaxFrameSize), new FrameDecryptor(keys.ResponderToInitiator, P2PConfig.DefaultMaxFrameSize), transcript);
    }
}
