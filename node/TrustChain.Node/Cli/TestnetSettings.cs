namespace TrustChain.Node.Cli;

/// <summary>Inputs of `testnet init`.</summary>
public sealed record TestnetSettings
{
    public required int Validators { get; init; }

    /// <summary>Extra nodes without a validator key (they follow and sync).</summary>
    public int Followers { get; init; }

    public required string OutputDir { get; init; }

    public int BaseP2PPort { get; init; } = 26600;

    public int BaseRpcPort { get; init; } = 8600;

    /// <summary>Genesis timeoutCommitMs; null keeps the template's.</summary>
    public int? TimeoutCommitMs { get; init; }

    /// <summary>Genesis timeoutProposeMs; null keeps the template's.</summary>
    public int? TimeoutProposeMs { get; init; }

    /// <summary>Genesis timeoutPrevoteMs and timeoutPrecommitMs; null keeps the template's.</summary>
    public int? TimeoutVoteMs { get; init; }

    /// <summary>Genesis epochLength (blocks per validator-set epoch); null keeps the template's.</summary>
    public int? EpochLength { get; init; }

    public void Validate()
    {
        if (EpochLength is < 1)
        {
            throw new Config.ConfigException($"--epoch-length must be at least 1, got {EpochLength}.");
        }

        if (Validators is < 1 or > 100)
        {
            throw new Config.ConfigException($"--validators must be 1..100, got {Validators}.");
        }

        if (Followers is < 0 or > 100)
        {
            throw new Config.ConfigException($"--followers must be 0..100, got {Followers}.");
        }

        int nodes = Validators + Followers;
        if (BaseP2PPort < 1 || BaseP2PPort + nodes - 1 > 65535 || BaseRpcPort < 1 || BaseRpcPort + nodes - 1 > 65535)
        {
            throw new Config.ConfigException($"ports {BaseP2PPort}+ and {BaseRpcPort}+ for {nodes} nodes do not fit in 1..65535.");
        }

        if (BaseP2PPort < BaseRpcPort + nodes && BaseRpcPort < BaseP2PPort + nodes)
        {
            throw new Config.ConfigException($"P2P ports {BaseP2PPort}+ and RPC ports {BaseRpcPort}+ overlap for {nodes} nodes.");
        }
    }
}
