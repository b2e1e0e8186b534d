using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using TrustChain.Core.Crypto;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;
using TrustChain.Network.Transport;

namespace TrustChain.Network.Tests;

/// <summary>A hand-driven client over a real socket, for feeding a host what a well-behaved peer never would.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawPeer(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Pipe = new StreamDuplexPipe(_stream);
    }

    public IDuplexPipe Pipe { get; }

    public SecureSession? Session { get; private set; }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint target, IPAddress? localAddress = null)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (localAddress is not null)
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
        }

        await socket.ConnectAsync(target);
        return new RawPeer(socket);
    }

    public async Task<SecureSession> HandshakeAsync(PrivateKey key, int maxPayload = P2PConfig.DefaultMaxFrameSize)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        HandshakeOptions options = new(key, TestNet.ChainId, TestNet.Genesis, 1, maxPayload);
        Session = await HandshakeProtocol.PerformAsync(Pipe, HandshakeRole.Initiator, options, null, timeout.Token);
        return Session;
    }

    public async Task WriteAsync(byte[] bytes)
    {
        await Pipe.Output.WriteAsync(bytes);
    }

    /// <summary>Reads frames (skipping pings) until a Disconnect arrives or the connection ends.</summary>
    public async Task<DisconnectReason> ReadUntilDisconnectAsync(FrameDecryptor decryptor, TimeSpan timeout)
    {
        using CancellationTokenSource cts = new(timeout);
        while (true)
        {
            Frame frame;
            try
            {
                frame = await PipeIo.ReadFrameAsync(Pipe.Input, decryptor, cts.Token);
            }
            catch (EndOfStreamException)
            {
                return DisconnectReason.ConnectionClosed;
            }
            catch (IOException)
            {
                return DisconnectReason.ConnectionClosed;
            }

            if (frame.IsControl(ControlMessageType.Disconnect))
            {
                return DisconnectMessage.Decode(frame.Payload.Span).Reason;
            }
        }
    }

    /// <summary>Reads raw bytes until the host closes the connection; returns how many arrived.</summary>
    public async Task<long> ReadToEndAsync(TimeSpan timeout)
    {
        using CancellationTokenSource cts = new(timeout);
        byte[] buffer = new byte[4096];
        long total = 0;
        try
        {
            while (true)
            {
                int read = await _stream.ReadAsync(buffer, cts.Token);
                if (read == 0)
                {
                    return total;
                }

                total += read;
            }
        }
        catch (IOException)
        {
            return total;
        }
    }

    public ValueTask DisposeAsync()
    {
        Session?.Dispose();
        _stream.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
