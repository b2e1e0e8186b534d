namespace TrustChain.Node.Config;

/// <summary>Every setting the config file and TRUSTCHAIN_* environment may carry.</summary>
public static class ConfigKeys
{
    public static readonly ConfigKey Dev = new("dev", "dev");
    public static readonly ConfigKey DataDir = new("datadir", "datadir");
    public static readonly ConfigKey Genesis = new("genesis", "genesis");
    public static readonly ConfigKey RpcAddr = new("rpc-addr", "rpcAddr");
    public static readonly ConfigKey RpcPort = new("rpc-port", "rpcPort");
    public static readonly ConfigKey ValidatorKey = new("validator-key", "validatorKey");
    public static readonly ConfigKey Unlock = new("unlock", "unlock");
    public static readonly ConfigKey PasswordFile = new("password-file", "passwordFile");
    public static readonly ConfigKey BlockTime = new("block-time", "blockTime");
    public static readonly ConfigKey Cors = new("cors", "cors");
    public static readonly ConfigKey Keystore = new("keystore", "keystore");

    public static IReadOnlyList<ConfigKey> All { get; } =
        [Dev, DataDir, Genesis, RpcAddr, RpcPort, ValidatorKey, Unlock, PasswordFile, BlockTime, Cors, Keystore];
}
