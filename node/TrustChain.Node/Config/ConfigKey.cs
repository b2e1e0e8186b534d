namespace TrustChain.Node.Config;

/// <summary>
/// One setting under its three spellings: the flag (<c>--rpc-port</c>), the config-file property (<c>rpcPort</c>) and
/// the environment variable (<c>TRUSTCHAIN_RPC_PORT</c>).
/// </summary>
public sealed record ConfigKey(string Name, string JsonName)
{
    public string Flag => "--" + Name;

    public string EnvironmentVariable => "TRUSTCHAIN_" + Name.Replace('-', '_').ToUpperInvariant();

    /// <summary>The value itself is secret (never printed by `config show`).</summary>
    public bool Secret { get; init; }

    /// <summary>A boolean switch (`--dev`) rather than a flag with a value.</summary>
    public bool IsSwitch { get; init; }

    /// <summary>What applies when no source sets the key, as `config show` prints it.</summary>
    public string? DefaultDescription { get; init; }
}
