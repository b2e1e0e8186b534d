using System.Buffers;
using System.IO.Pipelines;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;

namespace TrustChain.Network.Tests;

public class HandshakeProtocolTests
{
    [Test]
    public async Task BothSides_AgreeOnIdentitiesAndKeys()
    {
        PrivateKey alice = PrivateKey.Generate();
        PrivateKey bob = PrivateKey.Generate();
        (IDuplexPipe a, IDuplexPipe b) = DuplexPipe.CreatePair();
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        Task<SecureSession> initiator = HandshakeProtocol.PerformAsync(a, HandshakeRole.Initiator, Options(alice), null, timeout.Token);
        Task<SecureSession> responder = HandshakeProtocol.PerformAsync(b, HandshakeRole.Responder, Options(bob), null, timeout.Token);
        using SecureSession sa = await initiator;
        using SecureSession sb = await responder;

        Assert.That(sa.RemoteId, Is.EqualTo(NodeId.FromPrivateKey(bob)));
        Assert.That(sb.RemoteId, Is.EqualTo(NodeId.FromPrivateKey(alice)));
        AssertOpens(sa.Encryptor, sb.Decryptor);
        AssertOpens(sb.Encryptor, sa.Decryptor);
    }

    [TestCase(7358UL, 1u, false, DisconnectReason.ChainIdMismatch)]
    [TestCase(7357UL, 1u, true, DisconnectReason.GenesisMismatch)]
    [TestCase(7357UL, 2u, false, DisconnectReason.ProtocolVersionMismatch)]
    public async Task Mismatch_RefusedByBothSidesWithReason(ulong chainId, uint version, bool otherGenesis, DisconnectReason expected)
    {
        (IDuplexPipe a, IDuplexPipe b) = DuplexPipe.CreatePair();
        Hash256 genesis = otherGenesis ? Keccak256.Compute([1]) : TestNet.Genesis;
        HandshakeOptions odd = new(PrivateKey.Generate(), chainId, genesis, version, 1024);
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        Task<SecureSession> initiator = HandshakeProtocol.PerformAsync(a, HandshakeRole.Initiator, odd, null, timeout.Token);
        Task<SecureSession> responder = HandshakeProtocol.PerformAsync(b, HandshakeRole.Responder, Options(PrivateKey.Generate()), null, timeout.Token);
        HandshakeException? ei = Assert.ThrowsAsync<HandshakeException>(async () => await initiator);
        HandshakeException? er = Assert.ThrowsAsync<HandshakeException>(async () => await responder);
        Assert.That(ei!.Reason, Is.EqualTo(expected));
        Assert.That(er!.Reason, Is.EqualTo(expected));
    }

    [Test]
    public async Task AdmissionRefusal_ReachesTheOtherSideAsRemoteReason()
    {
        (IDuplexPipe a, IDuplexPipe b) = DuplexPipe.CreatePair();
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        Task<SecureSession> initiator = HandshakeProtocol.PerformAsync(a, HandshakeRole.Initiator, Options(PrivateKey.Generate()), null, timeout.Token);
        Task<SecureSession> responder = HandshakeProtocol.PerformAsync(b, HandshakeRole.Responder, Options(PrivateKey.Generate()), _ => DisconnectReason.TooManyPeers, timeout.Token);
        HandshakeException? ei = Assert.ThrowsAsync<HandshakeException>(async () => await initiator);
        Assert.That(ei!.Reason, Is.EqualTo(DisconnectReason.TooManyPeers));
        Assert.That(ei.IsRemote, Is.True);
        Assert.That(Assert.ThrowsAsync<HandshakeException>(async () => await responder)!.IsRemote, Is.False);
    }

    [Test]
    public async Task SelfConnection_IsRefused()
    {
        PrivateKey key = PrivateKey.Generate();
        (IDuplexPipe a, IDuplexPipe b) = DuplexPipe.CreatePair();
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        Task<SecureSession> initiator = HandshakeProtocol.PerformAsync(a, HandshakeRole.Initiator, Options(key), null, timeout.Token);
        Task<SecureSession> responder = HandshakeProtocol.PerformAsync(b, HandshakeRole.Responder, Options(key), null, timeout.Token);
        Assert.That(Assert.ThrowsAsync<HandshakeException>(async () => await initiator)!.Reason, Is.EqualTo(DisconnectReason.SelfConnection));
        Assert.That(Assert.ThrowsAsync<HandshakeException>(async () => await responder)!.Reason, Is.EqualTo(DisconnectReason.SelfConnection));
    }

    [Test]
    public void Hello_RoundTripsAndRejectsBadMagicAndBadPoints()
    {
        PrivateKey node = PrivateKey.Generate();
        HandshakeHello hello = HandshakeHello.CreateRandom(1, 7357, TestNet.Genesis, NodeId.FromPrivateKey(node), PrivateKey.Generate());
        byte[] encoded = hello.Encode();
        HandshakeHello decoded = HandshakeHello.Decode(encoded);
        Assert.That(decoded.Encode(), Is.EqualTo(encoded));
        Assert.That(decoded.StaticKey, Is.EqualTo(NodeId.FromPrivateKey(node)));

        byte[] badMagic = (byte[])encoded.Clone();
        badMagic[0] ^= 0xFF;
        Assert.That(Assert.Throws<HandshakeException>(() => HandshakeHello.Decode(badMagic))!.Reason, Is.EqualTo(DisconnectReason.BadHandshake));

        byte[] badPoint = (byte[])encoded.Clone();
        badPoint[48 + 63] ^= 0x01; // y no longer matches x
        Assert.That(Assert.Throws<HandshakeException>(() => HandshakeHello.Decode(badPoint))!.Reason, Is.EqualTo(DisconnectReason.BadHandshake));
        Assert.That(Assert.Throws<HandshakeException>(() => HandshakeHello.Decode(encoded.AsSpan(1)))!.Reason, Is.EqualTo(DisconnectReason.BadHandshake));
    }

    [Test]
    public void AuthSignature_BoundToRoleAndTranscript()
    {
        PrivateKey key = PrivateKey.Generate();
        NodeId id = NodeId.FromPrivateKey(key);
        byte[] transcript = HandshakeTranscript.Hash([1, 2], [3, 4]);
        byte[] signature = HandshakeAuth.Sign(key, HandshakeRole.Initiator, transcript);
        Assert.That(HandshakeAuth.Verify(id, HandshakeRole.Initiator, transcript, signature), Is.True);
        Assert.That(HandshakeAuth.Verify(id, HandshakeRole.Responder, transcript, signature), Is.False, "reflected");
        Assert.That(HandshakeAuth.Verify(id, HandshakeRole.Initiator, HandshakeTranscript.Hash([1, 2], [3, 5]), signature), Is.False, "other session");
        Assert.That(HandshakeAuth.Verify(NodeId.FromPrivateKey(PrivateKey.Generate()), HandshakeRole.Initiator, transcript, signature), Is.False, "other key");
    }

    private static HandshakeOptions Options(PrivateKey key) => new(key, TestNet.ChainId, TestNet.Genesis, 1, 1024);

    private static void AssertOpens(FrameEncryptor encryptor, FrameDecryptor decryptor)
    {
        ReadOnlySequence<byte> buffer = new(encryptor.SealFrame(5, 6, [7, 8, 9]));
        Assert.That(decryptor.TryReadFrame(ref buffer, out Frame frame), Is.True);
        Assert.That(frame.Payload.ToArray(), Is.EqualTo(new byte[] { 7, 8, 9 }));
    }
}
