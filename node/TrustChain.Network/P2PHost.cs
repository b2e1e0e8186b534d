using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Network.Framing;
using TrustChain.Network.Handshake;
using TrustChain.Network.Peers;
using TrustChain.Network.Transport;

namespace TrustChain.Network;

/// <summary>
/// The peer-to-peer host: accepts inbound peers through Kestrel, dials bootnodes and persistent peers, keeps the
/// peer table, and routes typed messages between peers and the registered channel handlers.
/// </summary>
public sealed class P2PHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly P2PConfig _config;
    private readonly HandshakeOptions _handshakeOptions;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IChannelHandler?[] _handlers = new IChannelHandler?[256];
    private readonly ConcurrentDictionary<NodeId, PeerConnection> _peers = new();
    private readonly HashSet<NodeId> _persistentIds = [];
    private readonly HashSet<NodeId> _allowList = [];
    private readonly Lock _peersLock = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<Task> _dialLoops = [];
    private IHost? _server;
    private int _pendingHandshakes;
    private int _state;

    public P2PHost(P2PConfig config, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        _config = config;
        _handshakeOptions = HandshakeOptions.FromConfig(config);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<P2PHost>();
        Bans = new BanList(config.TimeProvider);
        foreach (PeerAddress peer in config.PersistentPeers)
        {
            if (peer.NodeId is not null)
            {
                _persistentIds.Add(peer.NodeId);
                _allowList.Add(peer.NodeId);
            }
        }

        foreach (NodeId id in config.AllowList)
        {
            _allowList.Add(id);
        }
    }

    public NodeId LocalNodeId => _handshakeOptions.NodeId;

    public P2PConfig Config => _config;

    public P2PMetrics Metrics { get; } = new();

    public BanList Bans { get; }

    /// <summary>The bound listen address once started (resolves a configured port 0).</summary>
    public IPEndPoint? ListenEndPoint { get; private set; }

    public int PeerCount => _peers.Count;

    public IReadOnlyList<PeerInfo> Peers
    {
        get
        {
            List<PeerInfo> peers = new(_peers.Count);
            foreach (KeyValuePair<NodeId, PeerConnection> pair in _peers)
            {
                peers.Add(pair.Value.Info);
            }

            return peers;
        }
    }

    public bool IsConnected(NodeId peer) => _peers.ContainsKey(peer);

    public bool IsBanned(NodeId peer) => Bans.IsBanned(peer);

    public bool IsBanned(IPAddress address) => Bans.IsBanned(address);

    /// <summary>Routes channel <paramref name="channelId"/> (1..255; 0 is the transport's own) to a handler.</summary>
    public void RegisterChannel(byte channelId, IChannelHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (channelId == FrameFormat.ControlChannel)
        {
            throw new ArgumentOutOfRangeException(nameof(channelId), "Channel 0 is reserved for transport control messages.");
        }

        if (Interlocked.CompareExchange(ref _handlers[channelId], handler, null) is not null)
        {
            throw new InvalidOperationException($"Channel {channelId} already has a handler.");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The P2P host was already started.");
        }

        if (_config.Listen)
        {
            await StartListenerAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (PeerAddress bootnode in _config.Bootnodes)
        {
            _dialLoops.Add(MaintainAsync(bootnode, persistent: false, _lifetime.Token));
        }

        foreach (PeerAddress peer in _config.PersistentPeers)
        {
            _dialLoops.Add(MaintainAsync(peer, persistent: true, _lifetime.Token));
        }

        _logger.LogInformation("P2P host {NodeId} started, listening on {EndPoint}", LocalNodeId, ListenEndPoint);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        List<Task> closing = new();
        foreach (KeyValuePair<NodeId, PeerConnection> pair in _peers)
        {
            pair.Value.Close(DisconnectReason.Shutdown, "host stopping", notify: true);
            closing.Add(pair.Value.Completion);
        }

        closing.AddRange(_dialLoops);
        await Task.WhenAll(closing).WaitAsync(StopTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_server is not null)
        {
            using CancellationTokenSource timeout = new(StopTimeout);
            await _server.StopAsync(timeout.Token).ConfigureAwait(false);
            _server.Dispose();
            _server = null;
        }

        _logger.LogInformation("P2P host {NodeId} stopped", LocalNodeId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _lifetime.Dispose();
    }

    /// <summary>Dials a peer once and returns its authenticated id.</summary>
    /// <exception cref="HandshakeException">Refused by either side; <see cref="HandshakeException.Reason"/> says why.</exception>
    /// <exception cref="SocketException">The address could not be reached.</exception>
    public Task<NodeId> ConnectAsync(PeerAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        EnsureRunning();
        return ConnectCoreAsync(address, persistent: false, cancellationToken);
    }

    /// <summary>Queues a message for one peer. False if the peer is unknown, closing, or was just dropped as too slow.</summary>
    /// <remarks>The payload is not copied; do not change it after the call.</remarks>
    public bool Send(NodeId peer, byte channel, byte messageType, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(peer);
        CheckOutgoing(channel, payload.Length);
        return _peers.TryGetValue(peer, out PeerConnection? connection) && SendTo(connection, channel, messageType, payload);
    }

    /// <summary>Queues a message for every connected peer except <paramref name="except"/>; returns how many accepted it.</summary>
    public int Broadcast(byte channel, byte messageType, ReadOnlyMemory<byte> payload, NodeId? except = null)
    {
        CheckOutgoing(channel, payload.Length);
        int sent = 0;
        foreach (KeyValuePair<NodeId, PeerConnection> pair in _peers)
        {
            if (except is not null && pair.Key == except)
            {
                continue;
            }

            if (SendTo(pair.Value, channel, messageType, payload))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Charges a peer for misbehaviour. When its score reaches the threshold it is disconnected and its node id and
    /// IP are banned for <see cref="P2PConfig.BanDuration"/>.
    /// </summary>
    public void ReportBad(NodeId peer, string reason, MisbehaviourSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!_peers.TryGetValue(peer, out PeerConnection? connection))
        {
            if (severity >= MisbehaviourSeverity.Fatal)
            {
                BanPeer(peer, null, reason);
            }

            return;
        }

        int score = connection.AddScore((int)severity);
        _logger.LogDebug("Peer {Peer} misbehaved ({Severity}, score {Score}): {Reason}", connection.Info, severity, score, reason);
        if (score >= _config.BanScoreThreshold)
        {
            BanPeer(peer, connection.Info.RemoteEndPoint.Address, reason);
            connection.Close(DisconnectReason.Misbehaviour, reason, notify: true);
        }
    }

    public void Disconnect(NodeId peer, DisconnectReason reason = DisconnectReason.Requested)
    {
        if (_peers.TryGetValue(peer, out PeerConnection? connection))
        {
            connection.Close(reason, "disconnect requested", notify: true);
        }
    }

    internal async Task HandleInboundAsync(ConnectionContext context)
    {
        IPEndPoint remote = context.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        remote = new IPEndPoint(BanList.Normalize(remote.Address), remote.Port);
        if (Bans.IsBanned(remote.Address) || Volatile.Read(ref _state) != 1)
        {
            Metrics.ConnectionRejected();
            context.Abort();
            return;
        }

        if (Interlocked.Increment(ref _pendingHandshakes) > _config.MaxPendingHandshakes)
        {
            Interlocked.Decrement(ref _pendingHandshakes);
            Metrics.ConnectionRejected();
            context.Abort();
            return;
        }

        SecureSession session;
        try
        {
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, context.ConnectionClosed);
            timeout.CancelAfter(_config.HandshakeTimeout);
            session = await HandshakeProtocol.PerformAsync(context.Transport, HandshakeRole.Responder, _handshakeOptions, AdmitInbound, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (HandshakeException ex)
        {
            OnHandshakeFailed(ex, remote);
            return;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or ConnectionResetException)
        {
            Metrics.HandshakeFailed();
            _logger.LogDebug("Inbound handshake from {Remote} ended: {Error}", remote, ex.Message);
            return;
        }
        finally
        {
            Interlocked.Decrement(ref _pendingHandshakes);
        }

        PeerConnection connection = CreateConnection(context.Transport, session, remote, PeerDirection.Inbound, _persistentIds.Contains(session.RemoteId), hard =>
        {
            if (hard)
            {
                context.Abort();
            }
        });
        if (await AttachAsync(connection).ConfigureAwait(false) is { } running)
        {
            await running.ConfigureAwait(false);
        }
    }

    private async Task<NodeId> ConnectCoreAsync(PeerAddress address, bool persistent, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, cancellationToken);
        IPEndPoint endPoint = await address.ResolveAsync(linked.Token).ConfigureAwait(false);
        endPoint = new IPEndPoint(BanList.Normalize(endPoint.Address), endPoint.Port);
        if (Bans.IsBanned(endPoint.Address) || (address.NodeId is not null && Bans.IsBanned(address.NodeId)))
        {
            throw new HandshakeException(DisconnectReason.Banned, $"Peer {address} is banned.", remoteNodeId: address.NodeId);
        }

        Socket socket = new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        NetworkStream? stream = null;
        SecureSession session;
        StreamDuplexPipe pipe;
        try
        {
            // Hosts sharing a machine on distinct loopback addresses then show distinct source IPs to each other.
            if (IPAddress.IsLoopback(_config.ListenAddress) && IPAddress.IsLoopback(endPoint.Address)
                && _config.ListenAddress.AddressFamily == endPoint.AddressFamily)
            {
                socket.Bind(new IPEndPoint(_config.ListenAddress, 0));
            }

            using (CancellationTokenSource connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(linked.Token))
            {
                connectTimeout.CancelAfter(_config.ConnectTimeout);
                await socket.ConnectAsync(endPoint, connectTimeout.Token).ConfigureAwait(false);
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            pipe = new StreamDuplexPipe(stream);
            using CancellationTokenSource handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            handshakeTimeout.CancelAfter(_config.HandshakeTimeout);
            session = await HandshakeProtocol.PerformAsync(pipe, HandshakeRole.Initiator, _handshakeOptions, id => AdmitOutbound(id, address.NodeId, persistent), handshakeTimeout.Token)
                .ConfigureAwait(false);
        }
        catch (HandshakeException ex)
        {
            Dispose(stream, socket);
            OnHandshakeFailed(ex, endPoint);
            throw;
        }
        catch (OperationCanceledException ex) when (!linked.IsCancellationRequested)
        {
            Dispose(stream, socket);
            Metrics.HandshakeFailed();
            throw new HandshakeException(DisconnectReason.HandshakeTimeout, $"Connecting to {endPoint} timed out.", inner: ex);
        }
        catch
        {
            Dispose(stream, socket);
            throw;
        }

        NetworkStream ownedStream = stream;
        PeerConnection connection = CreateConnection(pipe, session, endPoint, PeerDirection.Outbound, persistent || _persistentIds.Contains(session.RemoteId), _ => ownedStream.Dispose());
        if (await AttachAsync(connection).ConfigureAwait(false) is null)
        {
            throw new HandshakeException(connection.CloseReason, $"Peer {session.RemoteId} was not kept: {connection.CloseReason}.", remoteNodeId: session.RemoteId);
        }

        return session.RemoteId;
    }

    private static void Dispose(NetworkStream? stream, Socket socket)
    {
        if (stream is not null)
        {
            stream.Dispose();
        }
        else
        {
            socket.Dispose();
        }
    }

    private PeerConnection CreateConnection(System.IO.Pipelines.IDuplexPipe transport, SecureSession session, IPEndPoint remote, PeerDirection direction, bool persistent, Action<bool> closeTransport)
    {
        PeerInfo info = new(session.RemoteId, remote, direction, persistent, _config.TimeProvider.GetUtcNow());
        return new PeerConnection(transport, session, info, _config, Metrics, _logger, closeTransport, Dispatch, OnViolation);
    }

    /// <summary>Registers an authenticated connection and starts it, or refuses it; returns the running task if kept.</summary>
    private async Task<Task?> AttachAsync(PeerConnection connection)
    {
        (DisconnectReason refusal, PeerConnection? replaced) = Register(connection);
        if (refusal != DisconnectReason.None)
        {
            Metrics.ConnectionRejected();
            _logger.LogDebug("Refusing peer {Peer}: {Reason}", connection.Info, refusal);
            await connection.RejectAsync(refusal, $"refused: {refusal}").ConfigureAwait(false);
            return null;
        }

        if (replaced is not null)
        {
            NotifyDisconnected(replaced.Info, DisconnectReason.DuplicateConnection);
            replaced.Close(DisconnectReason.DuplicateConnection, "a preferred connection to the same node replaced this one", notify: true);
        }

        _logger.LogInformation("Peer {Peer} connected", connection.Info);
        NotifyConnected(connection.Info);
        return RunPeerAsync(connection);
    }

    private async Task RunPeerAsync(PeerConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            bool removed;
            lock (_peersLock)
            {
                removed = _peers.TryGetValue(connection.Id, out PeerConnection? current) && ReferenceEquals(current, connection);
                if (removed)
                {
                    _peers.TryRemove(connection.Id, out _);
                    Metrics.PeerAdded(connection.Info.Direction, -1);
                }
            }

            if (removed)
            {
                _logger.LogInformation("Peer {Peer} disconnected: {Reason}", connection.Info, connection.CloseReason);
                NotifyDisconnected(connection.Info, connection.CloseReason);
            }
        }
    }

    private (DisconnectReason Refusal, PeerConnection? Replaced) Register(PeerConnection connection)
    {
        lock (_peersLock)
        {
            if (Volatile.Read(ref _state) != 1)
            {
                return (DisconnectReason.Shutdown, null);
            }

            if (Bans.IsBanned(connection.Id))
            {
                return (DisconnectReason.Banned, null);
            }

            PeerConnection? replaced = null;
            if (_peers.TryGetValue(connection.Id, out PeerConnection? existing))
            {
                if (!IsBetter(connection, existing))
                {
                    return (DisconnectReason.DuplicateConnection, null);
                }

                replaced = existing;
            }

            bool overLimit = connection.Info.Direction == PeerDirection.Inbound
                ? Metrics.InboundPeers - (replaced?.Info.Direction == PeerDirection.Inbound ? 1 : 0) >= _config.MaxInboundPeers
                : Metrics.OutboundPeers - (replaced?.Info.Direction == PeerDirection.Outbound ? 1 : 0) >= _config.MaxOutboundPeers;
            if (overLimit && !connection.Info.IsPersistent)
            {
                return (DisconnectReason.TooManyPeers, null);
            }

            if (replaced is not null)
            {
                Metrics.PeerAdded(replaced.Info.Direction, -1);
            }

            _peers[connection.Id] = connection;
            Metrics.PeerAdded(connection.Info.Direction, 1);
            return (DisconnectReason.None, replaced);
        }
    }

    /// <summary>
    /// Both ends rank duplicate connections the same way without talking: the one dialled by the lower node id
    /// wins, and between two dialled by the same side the lower transcript hash wins.
    /// </summary>
    private bool IsBetter(PeerConnection candidate, PeerConnection existing)
    {
        bool candidatePreferred = IsPreferred(candidate);
        if (candidatePreferred != IsPreferred(existing))
        {
            return candidatePreferred;
        }

        return candidate.TranscriptHash.SequenceCompareTo(existing.TranscriptHash) < 0;
    }

    private bool IsPreferred(PeerConnection connection)
    {
        NodeId initiator = connection.Info.Direction == PeerDirection.Outbound ? LocalNodeId : connection.Id;
        NodeId other = connection.Info.Direction == PeerDirection.Outbound ? connection.Id : LocalNodeId;
        return initiator.CompareTo(other) < 0;
    }

    private DisconnectReason AdmitInbound(NodeId remote)
    {
        if (Bans.IsBanned(remote))
        {
            return DisconnectReason.Banned;
        }

        bool persistent = _persistentIds.Contains(remote);
        if (_config.RequireAllowListForInbound && !_allowList.Contains(remote))
        {
            return DisconnectReason.NotAllowed;
        }

        if (!persistent && !_peers.ContainsKey(remote) && Metrics.InboundPeers >= _config.MaxInboundPeers)
        {
            return DisconnectReason.TooManyPeers;
        }

        return DisconnectReason.None;
    }

    private DisconnectReason AdmitOutbound(NodeId remote, NodeId? expected, bool persistent)
    {
        if (expected is not null && remote != expected)
        {
            return DisconnectReason.UnexpectedIdentity;
        }

        if (Bans.IsBanned(remote))
        {
            return DisconnectReason.Banned;
        }

        if (!persistent && !_persistentIds.Contains(remote) && !_peers.ContainsKey(remote) && Metrics.OutboundPeers >= _config.MaxOutboundPeers)
        {
            return DisconnectReason.TooManyPeers;
        }

        return DisconnectReason.None;
    }

    private void OnHandshakeFailed(HandshakeException ex, IPEndPoint remote)
    {
        Metrics.HandshakeFailed();
        _logger.LogDebug("Handshake with {Remote} failed ({Reason}, remote={IsRemote}): {Message}", remote, ex.Reason, ex.IsRemote, ex.Message);
        if (!ex.IsRemote && ex.Reason.IsBannable())
        {
            // Before authentication the claimed node id proves nothing, so only the address is banned; banning the
            // claimed id would let anyone get an honest node banned by impersonating it badly.
            BanPeer(null, remote.Address, ex.Message);
        }
    }

    private void OnViolation(PeerConnection connection, FrameException ex)
    {
        if (ex.Reason.IsBannable())
        {
            BanPeer(connection.Id, connection.Info.RemoteEndPoint.Address, ex.Message);
        }

        connection.Close(ex.Reason, ex.Message, notify: true);
    }

    private void BanPeer(NodeId? id, IPAddress? address, string reason)
    {
        Bans.Ban(id, address, _config.BanDuration);
        Metrics.PeerBanned();
        _logger.LogWarning("Banned {NodeId} / {Address} for {Duration}: {Reason}", id, address, _config.BanDuration, reason);
    }

    private bool SendTo(PeerConnection connection, byte channel, byte messageType, ReadOnlyMemory<byte> payload)
    {
        if (connection.TrySend(channel, messageType, payload))
        {
            return true;
        }

        if (!connection.IsClosing)
        {
            Metrics.PeerDropped();
            _logger.LogInformation("Dropping slow peer {Peer}: send queue full", connection.Info);
            connection.Close(DisconnectReason.SendQueueFull, "send queue full", notify: false);
        }

        return false;
    }

    private void CheckOutgoing(byte channel, int payloadLength)
    {
        if (channel == FrameFormat.ControlChannel)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), "Channel 0 is reserved for transport control messages.");
        }

        if (payloadLength > _config.MaxFrameSize)
        {
            throw new ArgumentException($"Payload of {payloadLength} bytes exceeds MaxFrameSize ({_config.MaxFrameSize}).", nameof(payloadLength));
        }
    }

    private void Dispatch(PeerConnection connection, Frame frame)
    {
        IChannelHandler? handler = Volatile.Read(ref _handlers[frame.Channel]);
        if (handler is null)
        {
            return;
        }

        try
        {
            handler.OnMessage(connection.Info, frame.MessageType, frame.Payload);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Channel {Channel} handler failed on a message from {Peer}", frame.Channel, connection.Info);
        }
    }

    private void NotifyConnected(PeerInfo peer)
    {
        for (int channel = 1; channel < _handlers.Length; channel++)
        {
            IChannelHandler? handler = Volatile.Read(ref _handlers[channel]);
            if (handler is null)
            {
                continue;
            }

            try
            {
                handler.OnPeerConnected(peer);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Channel {Channel} handler failed on connect of {Peer}", channel, peer);
            }
        }
    }

    private void NotifyDisconnected(PeerInfo peer, DisconnectReason reason)
    {
        for (int channel = 1; channel < _handlers.Length; channel++)
        {
            IChannelHandler? handler = Volatile.Read(ref _handlers[channel]);
            if (handler is null)
            {
                continue;
            }

            try
            {
                handler.OnPeerDisconnected(peer, reason);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Channel {Channel} handler failed on disconnect of {Peer}", channel, peer);
            }
        }
    }

    private async Task MaintainAsync(PeerAddress address, bool persistent, CancellationToken cancellationToken)
    {
        await Task.Yield();
        TimeSpan delay = _config.ReconnectBaseDelay;
        NodeId? known = address.NodeId;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (known is not null && _peers.TryGetValue(known, out PeerConnection? existing))
                {
                    await existing.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                    delay = _config.ReconnectBaseDelay;
                    continue;
                }

                if (persistent || Metrics.OutboundPeers < _config.MaxOutboundPeers)
                {
                    known = await ConnectCoreAsync(address, persistent, cancellationToken).ConfigureAwait(false);
                    delay = _config.ReconnectBaseDelay;
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HandshakeException ex)
            {
                if (ex.Reason == DisconnectReason.DuplicateConnection && ex.RemoteNodeId is not null)
                {
                    known = ex.RemoteNodeId;
                }

                _logger.LogDebug("Dial {Address} refused: {Reason}", address, ex.Reason);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or InvalidOperationException)
            {
                _logger.LogDebug("Dial {Address} failed: {Error}", address, ex.Message);
            }

            TimeSpan wait = delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds / 4)));
            try
            {
                await Task.Delay(wait, _config.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _config.ReconnectMaxDelay.Ticks));
        }
    }

    private async Task StartListenerAsync(CancellationToken cancellationToken)
    {
        InboundConnectionHandler handler = new(this);
        long readBuffer = FrameFormat.WireLength(_config.MaxFrameSize) + (64 * 1024);
        _server = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddSingleton(handler);
                services.Configure<HostOptions>(options => options.ShutdownTimeout = StopTimeout);
            })
            .ConfigureWebHost(web => web
                .UseSockets(sockets => sockets.MaxReadBufferSize = readBuffer)
                .UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Listen(_config.ListenAddress, _config.ListenPort, listen => listen.UseConnectionHandler<InboundConnectionHandler>());
                })
                .Configure(_ => { }))
            .Build();
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);

        IServerAddressesFeature? addresses = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        int port = _config.ListenPort;
        if (addresses is not null)
        {
            foreach (string address in addresses.Addresses)
            {
                port = new Uri(address).Port;
                break;
            }
        }

        ListenEndPoint = new IPEndPoint(_config.ListenAddress, port);
    }

    private void EnsureRunning()
    {
        if (Volatile.Read(ref _state) != 1)
        {
            throw new InvalidOperationException("The P2P host is not running.");
        }
    }
}
