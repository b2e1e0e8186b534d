using TrustChain.Node.Config;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// Settings of a networked node (`run --validator` or a follower), from flags, TRUSTCHAIN_* variables or the config
/// file (<see cref="ConfigKeys.All"/> includes them).
/// </summary>
public static class NetworkConfigKeys
{
    public static readonly ConfigKey Validator = new("validator", "validator") { IsSwitch = true, DefaultDescription = "false" };
    public static readonly ConfigKey P2PAddr = new("p2p-addr", "p2pAddr") { DefaultDescription = "0.0.0.0" };
    public static readonly ConfigKey P2PPort = new("p2p-port", "p2pPort") { DefaultDescription = "30333" };
    public static readonly ConfigKey Bootnodes = new("bootnodes", "bootnodes") { DefaultDescription = "none" };
    public static readonly ConfigKey PersistentPeers = new("persistent-peers", "persistentPeers") { DefaultDescription = "none" };
    public static readonly ConfigKey MaxPeers = new("max-peers", "maxPeers") { DefaultDescription = "50" };
    public static readonly ConfigKey NodeKey = new("node-key", "nodeKey") { DefaultDescription = "DATADIR/nodekey" };

    public static IReadOnlyList<ConfigKey> All { get; } = [Validator, P2PAddr, P2PPort, Bootnodes, PersistentPeers, MaxPeers, NodeKey];
}
