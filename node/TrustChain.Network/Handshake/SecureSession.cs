using TrustChain.Network.Framing;

namespace TrustChain.Network.Handshake;

/// <summary>The outcome of a completed handshake: the authenticated peer and the two directional frame ciphers.</summary>
public sealed class SecureSession : IDisposable
{
    public SecureSession(NodeId remoteId, HandshakeHello remoteHello, HandshakeRole role, FrameEncryptor encryptor, FrameDecryptor decryptor)
    {
        RemoteId = remoteId;
        RemoteHello = remoteHello;
        Role = role;
        Encryptor = encryptor;
        Decryptor = decryptor;
    }

    public NodeId RemoteId { get; }

    public HandshakeHello RemoteHello { get; }

    public HandshakeRole Role { get; }

    public FrameEncryptor Encryptor { get; }

    public FrameDecryptor Decryptor { get; }

    public void Dispose()
    {
        Encryptor.Dispose();
        Decryptor.Dispose();
    }
}
