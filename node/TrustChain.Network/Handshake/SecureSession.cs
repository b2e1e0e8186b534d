using TrustChain.Network.Framing;

namespace TrustChain.Network.Handshake;

/// <summary>The outcome of a completed handshake: the authenticated peer and the two directional frame ciphers.</summary>
public sealed class SecureSession : IDisposable
{
    public SecureSession(NodeId remoteId, HandshakeHello remoteHello, HandshakeRole role, byte[] transcriptHash, FrameEncryptor encryptor, FrameDecryptor decryptor)
    {
        TranscriptHash = transcriptHash;
        RemoteId = remoteId;
        RemoteHello = remoteHello;
        Role = role;
        Encryptor = encryptor;
        Decryptor = decryptor;
    }

    public NodeId RemoteId { get; }

    public HandshakeHello RemoteHello { get; }

    public HandshakeRole Role { get; }

    /// <summary>Identical at both ends and unique per session; breaks ties between duplicate connections.</summary>
    public byte[] TranscriptHash { get; }

    public FrameEncryptor Encryptor { get; }

    public FrameDecryptor Decryptor { get; }

    public void Dispose()
    {
        Encryptor.Dispose();
        Decryptor.Dispose();
    }
}
