using TrustChain.Core;

namespace TrustChain.Node.Config;

/// <summary>The resolved settings of `trustchain run` (after flags, environment, config file and defaults).</summary>
public sealed record RunSettings
{
    public const int DefaultRpcPort = 8545;
    public const string DefaultRpcAddress = "127.0.0.1";

    public required bool Dev { get; init; }

    public required string DataDir { get; init; }

    /// <summary>Null: use the genesis stored in the data dir by `trustchain init`.</summary>
    public string? GenesisPath { get; init; }

    public required string RpcAddress { get; init; }

    public required int RpcPort { get; init; }

    /// <summary>File holding the validator's private key as hex.</summary>
    public string? ValidatorKeyFile { get; init; }

    /// <summary>Validator address to unlock from the keystore.</summary>
    public Address? Unlock { get; init; }

    public string? PasswordFile { get; init; }

    public required string KeystoreDir { get; init; }

    /// <summary>Null: the genesis' blockTimeMs.</summary>
    public int? BlockTimeMs { get; init; }

    /// <summary>False: the standalone chain makes a block only when transactions wait (or after <see cref="EmptyBlocksIntervalMs"/>).</summary>
    public bool EmptyBlocks { get; init; } = true;

    /// <summary>With <see cref="EmptyBlocks"/> off: the idle gap after which an empty block is made anyway; null: never.</summary>
    public int? EmptyBlocksIntervalMs { get; init; }

    /// <summary>Null: the RPC server's default.</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }

    /// <summary>Log format and per-component levels.</summary>
    public LogSettings Logging { get; init; } = LogSettings.Default;

    /// <summary>Null: max(30 s, 10 block times); /health turns 503 when the head is older.</summary>
    public int? HealthMaxHeadAgeMs { get; init; }

    /// <summary>Serve the block explorer at /explorer.</summary>
    public bool Explorer { get; init; } = true;

    /// <summary>The /health threshold for a chain whose blocks come every <paramref name="blockTimeMs"/>.</summary>
    public TimeSpan HealthMaxHeadAge(ulong blockTimeMs) =>
        TimeSpan.FromMilliseconds(HealthMaxHeadAgeMs ?? (double)Math.Max(30_000UL, Math.Min(blockTimeMs, 3_600_000UL) * 10));

    /// <summary>Resolves and checks every run setting; throws <see cref="ConfigException"/> on the first bad one.</summary>
    public static RunSettings Resolve(LayeredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        bool dev = config.GetBool(ConfigKeys.Dev, false);
        string home = PathUtil.Home(config.Environment);
        string dataDir = config.GetPath(ConfigKeys.DataDir)
            ?? Path.Combine(home, ".trustchain", dev ? "dev" : "node");
        string? validatorKey = config.GetPath(ConfigKeys.ValidatorKey);
        Address? unlock = config.GetAddress(ConfigKeys.Unlock);
        string? passwordFile = config.GetPath(ConfigKeys.PasswordFile);
        if (validatorKey is not null && unlock is not null)
        {
            throw new ConfigException("--validator-key and --unlock are mutually exclusive: give the key file or the keystore address, not both.");
        }

        if (passwordFile is not null && unlock is null)
        {
            throw new ConfigException("--password-file is only used with --unlock.");
        }

        string rpcAddress = config.GetString(ConfigKeys.RpcAddr) ?? DefaultRpcAddress;
        if (!System.Net.IPAddress.TryParse(rpcAddress, out _) && !string.Equals(rpcAddress, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw LayeredConfig.Invalid(ConfigKeys.RpcAddr, config.Get(ConfigKeys.RpcAddr)!.Value, "must be an IP address or localhost");
        }

        int? blockTime = config.Get(ConfigKeys.BlockTime) is null ? null : config.GetInt(ConfigKeys.BlockTime, 0, 1, 3_600_000);
        bool emptyBlocks = config.GetBool(ConfigKeys.DevEmptyBlocks, true);
        int emptyInterval = config.GetInt(ConfigKeys.DevEmptyBlocksInterval, 0, 0, 86_400_000);
        if (emptyBlocks && emptyInterval > 0)
        {
            throw new ConfigException("--dev-empty-blocks-interval applies only with --dev-empty-blocks false (with empty blocks on, --block-time is the idle interval).");
        }

        return new RunSettings
        {
            Dev = dev,
            DataDir = dataDir,
            GenesisPath = config.GetPath(ConfigKeys.Genesis),
            RpcAddress = rpcAddress,
            RpcPort = config.GetInt(ConfigKeys.RpcPort, DefaultRpcPort, 0, 65535),
            ValidatorKeyFile = validatorKey,
            Unlock = unlock,
            PasswordFile = passwordFile,
            KeystoreDir = config.GetPath(ConfigKeys.Keystore) ?? Path.Combine(dataDir, "keystore"),
            BlockTimeMs = blockTime,
            EmptyBlocks = emptyBlocks,
            EmptyBlocksIntervalMs = emptyInterval == 0 ? null : emptyInterval,
            CorsOrigins = config.GetList(ConfigKeys.Cors),
            Logging = LogSettings.Resolve(config),
            HealthMaxHeadAgeMs = config.Get(ConfigKeys.HealthMaxHeadAge) is null ? null : config.GetInt(ConfigKeys.HealthMaxHeadAge, 0, 100, 86_400_000),
            Explorer = config.GetBool(ConfigKeys.Explorer, true),
        };
    }
}
