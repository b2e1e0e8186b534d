namespace TrustChain.Node.Config;

/// <summary>
/// One setting under its three spellings: the flag (<c>--rpc-port</c>), the config-file property (<c>rpcPort</c>) and
/// the environment variable (<c>TRUSTCHAIN_RPC_PORT</c>).
/// </summary>
public sealed record ConfigKey(string Name, string JsonName)
{
    public string Flag => "--" + Name;

    public string EnvironmentVariable => "TRUSTCHAIN_" + Name.Replace('-', '_').ToUpperInvariant();
}
