using TrustChain.Node.Hosting.Network;

namespace TrustChain.Node.Config;

/// <summary>
/// Every setting the config file and TRUSTCHAIN_* environment may carry. Precedence, highest first: command-line
/// flags, TRUSTCHAIN_* environment variables, the config file (--config or TRUSTCHAIN_CONFIG), built-in defaults.
/// </summary>
public static class ConfigKeys
{
    public static readonly ConfigKey Dev = new("dev", "dev") { IsSwitch = true, DefaultDescription = "false" };
    public static readonly ConfigKey DataDir = new("datadir", "datadir") { DefaultDescription = "~/.trustchain/node (dev: ~/.trustchain/dev)" };
    public static readonly ConfigKey Genesis = new("genesis", "genesis") { DefaultDescription = "the genesis stored in the data dir (dev: bundled genesis.json)" };
    public static readonly ConfigKey RpcAddr = new("rpc-addr", "rpcAddr") { DefaultDescription = RunSettings.DefaultRpcAddress };
    public static readonly ConfigKey RpcPort = new("rpc-port", "rpcPort") { DefaultDescription = "8545" };
    public static readonly ConfigKey ValidatorKey = new("validator-key", "validatorKey");
    public static readonly ConfigKey Unlock = new("unlock", "unlock");
    public static readonly ConfigKey PasswordFile = new("password-file", "passwordFile") { DefaultDescription = "prompt" };
    public static readonly ConfigKey BlockTime = new("block-time", "blockTime") { DefaultDescription = "genesis blockTimeMs" };

    /// <summary>"false": the standalone chain seals blocks only for transactions (CometBFT create_empty_blocks).</summary>
    public static readonly ConfigKey DevEmptyBlocks = new("dev-empty-blocks", "devEmptyBlocks") { DefaultDescription = "true" };

    /// <summary>With empty blocks off: milliseconds without a block after which an empty one is made anyway.</summary>
    public static readonly ConfigKey DevEmptyBlocksInterval = new("dev-empty-blocks-interval", "devEmptyBlocksInterval") { DefaultDescription = "0 (never)" };
    public static readonly ConfigKey Cors = new("cors", "cors") { DefaultDescription = "*" };
    public static readonly ConfigKey Keystore = new("keystore", "keystore") { DefaultDescription = "DATADIR/keystore" };

    /// <summary>"Information", or per component: "Consensus=Debug,Rpc=Warning" (see <see cref="LogSettings"/>).</summary>
    public static readonly ConfigKey LogLevel = new("log-level", "logLevel") { DefaultDescription = "Information" };

    /// <summary>"console" (one human-readable line per event) or "json" (one JSON object per line).</summary>
    public static readonly ConfigKey LogFormat = new("log-format", "logFormat") { DefaultDescription = "console" };

    /// <summary>Milliseconds without a new head after which /health answers 503.</summary>
    public static readonly ConfigKey HealthMaxHeadAge = new("health-max-head-age", "healthMaxHeadAge") { DefaultDescription = "max(30000, 10 × block time)" };

    /// <summary>Serve the block explorer at /explorer on the RPC port ("true" or "false").</summary>
    public static readonly ConfigKey Explorer = new("explorer", "explorer") { DefaultDescription = "true" };

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        Dev, DataDir, Genesis, RpcAddr, RpcPort, ValidatorKey, Unlock, PasswordFile, BlockTime, DevEmptyBlocks, DevEmptyBlocksInterval, Cors, Keystore,
        LogLevel, LogFormat, HealthMaxHeadAge, Explorer, .. NetworkConfigKeys.All,
    ];
}
