using System.IO.Pipelines;
using TrustChain.Core.Crypto;
using TrustChain.Network.Framing;
using TrustChain.Network.Transport;

namespace TrustChain.Network.Handshake;

/// <summary>
/// Runs the handshake described in README.md over any duplex pipe. Both sides run the same code; only the role
/// decides the order of hellos in the transcript and which derived key sends.
/// </summary>
public static class HandshakeProtocol
{
    /// <param name="admit">
    /// Called with the peer's claimed identity once its hello checks out and before this side authenticates; a
    /// result other than <see cref="DisconnectReason.None"/> refuses the peer with that reason.
    /// </param>
    /// <exception cref="HandshakeException">The handshake was refused by either side or the peer broke the protocol.</exception>
    public static async Task<SecureSession> PerformAsync(
        IDuplexPipe transport,
        HandshakeRole role,
        HandshakeOptions options,
        Func<NodeId, DisconnectReason>? admit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);

        PrivateKey ephemeral = PrivateKey.Generate();
        HandshakeHello localHello = HandshakeHello.CreateRandom(options.ProtocolVersion, options.ChainId, options.GenesisHash, options.NodeId, ephemeral);
        byte[] localBytes = localHello.Encode();
        await transport.Output.WriteAsync(localBytes, cancellationToken).ConfigureAwait(false);

        byte[] remoteBytes;
        try
        {
            remoteBytes = await PipeIo.ReadExactAsync(transport.Input, HandshakeHello.EncodedLength, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new HandshakeException(DisconnectReason.ConnectionClosed, "Peer closed the connection before sending its hello.", inner: ex);
        }

        HandshakeHello remoteHello = HandshakeHello.Decode(remoteBytes);
        NodeId remoteId = remoteHello.StaticKey;
        byte[] transcript = role == HandshakeRole.Initiator
            ? HandshakeTranscript.Hash(localBytes, remoteBytes)
            : HandshakeTranscript.Hash(remoteBytes, localBytes);

        Span<byte> shared = stackalloc byte[32];
        if (!Secp256k1.TryEcdh(remoteHello.EphemeralPublicKey, ephemeral.KeyBytes, shared))
        {
            throw new HandshakeException(DisconnectReason.BadHandshake, "ECDH with the peer's ephemeral key failed.", remoteNodeId: remoteId);
        }

        SessionKeys keys = SessionKeys.Derive(shared, transcript);
        shared.Clear();
        FrameEncryptor encryptor = new(keys.SendKey(role), options.MaxPayload);
        FrameDecryptor decryptor = new(keys.ReceiveKey(role), options.MaxPayload);
        try
        {
            (DisconnectReason refusal, string why) = Check(options, remoteHello);
            if (refusal == DisconnectReason.None && admit is not null)
            {
                refusal = admit(remoteId);
                why = $"Peer {remoteId} not admitted: {refusal}.";
            }

            if (refusal != DisconnectReason.None)
            {
                await SendDisconnectAsync(transport.Output, encryptor, refusal, why, cancellationToken).ConfigureAwait(false);
                throw new HandshakeException(refusal, why, remoteNodeId: remoteId);
            }

            byte[] signature = HandshakeAuth.Sign(options.NodeKey, role, transcript);
            encryptor.WriteFrame(transport.Output, FrameFormat.ControlChannel, (byte)ControlMessageType.Auth, signature);
            await transport.Output.FlushAsync(cancellationToken).ConfigureAwait(false);

            Frame frame = await ReadFirstFrameAsync(transport.Input, decryptor, remoteId, cancellationToken).ConfigureAwait(false);
            if (frame.IsControl(ControlMessageType.Disconnect))
            {
                (DisconnectReason reason, string detail) = DisconnectMessage.Decode(frame.Payload.Span);
                throw new HandshakeException(reason, $"Peer refused the handshake: {reason} ({detail}).", isRemote: true, remoteNodeId: remoteId);
            }

            if (!frame.IsControl(ControlMessageType.Auth))
            {
                const string message = "Peer's first frame is not an auth message.";
                await SendDisconnectAsync(transport.Output, encryptor, DisconnectReason.BadHandshake, message, cancellationToken).ConfigureAwait(false);
                throw new HandshakeException(DisconnectReason.BadHandshake, message, remoteNodeId: remoteId);
            }

            HandshakeRole peerRole = role == HandshakeRole.Initiator ? HandshakeRole.Responder : HandshakeRole.Initiator;
            if (!HandshakeAuth.Verify(remoteId, peerRole, transcript, frame.Payload.Span))
            {
                const string message = "Peer's transcript signature does not verify against its node key.";
                await SendDisconnectAsync(transport.Output, encryptor, DisconnectReason.InvalidAuthSignature, message, cancellationToken).ConfigureAwait(false);
                throw new HandshakeException(DisconnectReason.InvalidAuthSignature, message, remoteNodeId: remoteId);
            }

            return new SecureSession(remoteId, remoteHello, role, transcript, encryptor, decryptor);
        }
        catch
        {
            encryptor.Dispose();
            decryptor.Dispose();
            throw;
        }
    }

    private static (DisconnectReason Reason, string Message) Check(HandshakeOptions options, HandshakeHello remote)
    {
        if (remote.ProtocolVersion != options.ProtocolVersion)
        {
            return (DisconnectReason.ProtocolVersionMismatch, $"Protocol version {remote.ProtocolVersion} does not match ours ({options.ProtocolVersion}).");
        }

        if (remote.ChainId != options.ChainId)
        {
            return (DisconnectReason.ChainIdMismatch, $"Chain id {remote.ChainId} does not match ours ({options.ChainId}).");
        }

        if (remote.GenesisHash != options.GenesisHash)
        {
            return (DisconnectReason.GenesisMismatch, $"Genesis {remote.GenesisHash} does not match ours ({options.GenesisHash}).");
        }

        if (remote.StaticKey == options.NodeId)
        {
            return (DisconnectReason.SelfConnection, "Connected to ourselves.");
        }

        return (DisconnectReason.None, string.Empty);
    }

    private static async Task<Frame> ReadFirstFrameAsync(PipeReader input, FrameDecryptor decryptor, NodeId remoteId, CancellationToken cancellationToken)
    {
        try
        {
            return await PipeIo.ReadFrameAsync(input, decryptor, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new HandshakeException(DisconnectReason.ConnectionClosed, "Peer closed the connection during authentication.", remoteNodeId: remoteId, inner: ex);
        }
        catch (FrameException ex)
        {
            DisconnectReason reason = ex.Reason == DisconnectReason.DecryptionFailed ? DisconnectReason.BadHandshake : ex.Reason;
            throw new HandshakeException(reason, $"Peer's auth frame is invalid: {ex.Message}", remoteNodeId: remoteId, inner: ex);
        }
    }

    private static async Task SendDisconnectAsync(PipeWriter output, FrameEncryptor encryptor, DisconnectReason reason, string detail, CancellationToken cancellationToken)
    {
        try
        {
            encryptor.WriteFrame(output, FrameFormat.ControlChannel, (byte)ControlMessageType.Disconnect, DisconnectMessage.Encode(reason, detail));
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The peer may already have gone; the refusal stands either way.
        }
    }
}
