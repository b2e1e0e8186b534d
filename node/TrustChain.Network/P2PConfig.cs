using System.Net;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Network;

public sealed record P2PConfig
{
    public const int DefaultMaxFrameSize = 4 * 1024 * 1024;

    public required PrivateKey NodeKey { get; init; }

    public required ulong ChainId { get; init; }

    public required Hash256 GenesisHash { get; init; }

    public uint ProtocolVersion { get; init; } = 1;

    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port; read the bound one from <see cref="P2PHost.ListenEndPoint"/>.</summary>
    public int ListenPort { get; init; }

    /// <summary>Whether to accept inbound connections at all (a pure client node may not listen).</summary>
    public bool Listen { get; init; } = true;

    public IReadOnlyList<PeerAddress> Bootnodes { get; init; } = [];

    /// <summary>Always redialled, exempt from peer limits, and (with the allow list) the only accepted inbound.</summary>
    public IReadOnlyList<PeerAddress> PersistentPeers { get; init; } = [];

    /// <summary>When true, inbound peers must be persistent peers (by node id) or in <see cref="AllowList"/>.</summary>
    public bool RequireAllowListForInbound { get; init; }

    public IReadOnlyList<NodeId> AllowList { get; init; } = [];

    public int MaxInboundPeers { get; init; } = 40;

    public int MaxOutboundPeers { get; init; } = 10;

    /// <summary>Handshakes in flight at once; more inbound connections are closed unread.</summary>
    public int MaxPendingHandshakes { get; init; } = 32;

    /// <summary>Largest message payload; a frame announcing more is refused before any buffer is allocated.</summary>
    public int MaxFrameSize { get; init; } = DefaultMaxFrameSize;

    public int SendQueueCapacity { get; init; } = 1024;

    /// <summary>Queued but unsent payload bytes per peer; past this the peer counts as too slow and is dropped.</summary>
    public long SendQueueMaxBytes { get; init; } = 64L * 1024 * 1024;

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A peer from which nothing arrived for this long is dropped.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(45);

    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(30);

    public int BanScoreThreshold { get; init; } = 100;

    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(NodeKey);
        ArgumentNullException.ThrowIfNull(ListenAddress);
        Require(ListenPort is >= 0 and <= IPEndPoint.MaxPort, nameof(ListenPort), "must be in 0..65535");
        Require(MaxInboundPeers >= 0, nameof(MaxInboundPeers), "must not be negative");
        Require(MaxOutboundPeers >= 0, nameof(MaxOutboundPeers), "must not be negative");
        Require(MaxPendingHandshakes >= 1, nameof(MaxPendingHandshakes), "must be at least 1");
        Require(MaxFrameSize is >= 256 and <= 256 * 1024 * 1024, nameof(MaxFrameSize), "must be in 256 B..256 MiB");
        Require(SendQueueCapacity >= 1, nameof(SendQueueCapacity), "must be at least 1");
        Require(SendQueueMaxBytes >= MaxFrameSize, nameof(SendQueueMaxBytes), "must hold at least one maximal frame");
        Require(HandshakeTimeout > TimeSpan.Zero, nameof(HandshakeTimeout), "must be positive");
        Require(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Require(PingInterval > TimeSpan.Zero, nameof(PingInterval), "must be positive");
        Require(PingTimeout > PingInterval, nameof(PingTimeout), "must exceed PingInterval");
        Require(BanDuration >= TimeSpan.Zero, nameof(BanDuration), "must not be negative");
        Require(BanScoreThreshold >= 1, nameof(BanScoreThreshold), "must be at least 1");
        Require(ReconnectBaseDelay > TimeSpan.Zero, nameof(ReconnectBaseDelay), "must be positive");
        Require(ReconnectMaxDelay >= ReconnectBaseDelay, nameof(ReconnectMaxDelay), "must be at least ReconnectBaseDelay");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"P2P config: {name} {rule}.", name);
        }
    }
}
