using System.Net;
using TrustChain.Network;
using TrustChain.Node.Config;

namespace TrustChain.Node.Hosting.Network;

/// <summary>How a node joins the P2P network; resolved from <see cref="NetworkConfigKeys"/>.</summary>
public sealed record NetworkSettings
{
    public const int DefaultP2PPort = 30333;
    public const int DefaultMaxPeers = 50;

    /// <summary>Sign blocks and votes (requires a validator key); otherwise follow the chain.</summary>
    public required bool Validator { get; init; }

    public required IPAddress ListenAddress { get; init; }

    public required int ListenPort { get; init; }

    public required IReadOnlyList<PeerAddress> Bootnodes { get; init; }

    public required IReadOnlyList<PeerAddress> PersistentPeers { get; init; }

    public required int MaxPeers { get; init; }

    /// <summary>Hex private key file of the node identity; created on first run when missing.</summary>
    public required string NodeKeyFile { get; init; }

    /// <summary>Whether the network settings ask for a networked node at all (else `run` keeps its standalone modes).</summary>
    public static bool IsRequested(LayeredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (ConfigKey key in NetworkConfigKeys.All)
        {
            if (config.Get(key) is not null && (key != NetworkConfigKeys.Validator || config.GetBool(key, false)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="ConfigException"/> on the first bad setting.</summary>
    public static NetworkSettings Resolve(LayeredConfig config, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        string address = config.GetString(NetworkConfigKeys.P2PAddr) ?? "0.0.0.0";
        if (!IPAddress.TryParse(address, out IPAddress? listen))
        {
            throw LayeredConfig.Invalid(NetworkConfigKeys.P2PAddr, config.Get(NetworkConfigKeys.P2PAddr)!.Value, "must be an IP address");
        }

        return new NetworkSettings
        {
            Validator = config.GetBool(NetworkConfigKeys.Validator, false),
            ListenAddress = listen,
            ListenPort = config.GetInt(NetworkConfigKeys.P2PPort, DefaultP2PPort, 0, 65535),
            Bootnodes = Peers(config, NetworkConfigKeys.Bootnodes),
            PersistentPeers = Peers(config, NetworkConfigKeys.PersistentPeers),
            MaxPeers = config.GetInt(NetworkConfigKeys.MaxPeers, DefaultMaxPeers, 1, 1000),
            NodeKeyFile = config.GetPath(NetworkConfigKeys.NodeKey) ?? Path.Combine(dataDir, "nodekey"),
        };
    }

    private static List<PeerAddress> Peers(LayeredConfig config, ConfigKey key)
    {
        List<PeerAddress> peers = [];
        foreach (string entry in config.GetList(key) ?? [])
        {
            try
            {
                peers.Add(PeerAddress.Parse(entry));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw LayeredConfig.Invalid(key, config.Get(key)!.Value, $"\"{entry}\" is not host:port or nodeIdHex@host:port ({e.Message})");
            }
        }

        return peers;
    }
}
