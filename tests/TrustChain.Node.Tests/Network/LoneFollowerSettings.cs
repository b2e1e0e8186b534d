using System.Net;
using TrustChain.Node.Hosting.Network;

namespace TrustChain.Node.Tests.Network;

/// <summary>Network settings of a non-validating node on a free loopback port with no bootnodes, for raw-peer tests.</summary>
public static class LoneFollowerSettings
{
    public static NetworkSettings In(string dataDir) => new()
    {
        Validator = false,
        ListenAddress = IPAddress.Loopback,
        ListenPort = 0,
        Bootnodes = [],
        PersistentPeers = [],
        MaxPeers = 10,
        NodeKeyFile = Path.Combine(dataDir, "nodekey"),
    };
}
