using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>System parameters from the "params" section of genesis.json; absent entries take the defaults below.</summary>
public sealed class ChainParameters
{
    public const ulong OneGwei = 1_000_000_000;

    public static ChainParameters Default { get; } = new();

    /// <summary>Floor of the EIP-1559 base fee; non-zero so wallets never fall back to legacy pricing.</summary>
    public UInt256 MinBaseFee { get; init; } = OneGwei;

    public ulong BaseFeeChangeDenominator { get; init; } = 8;

    public ulong ElasticityMultiplier { get; init; } = 2;

    public ulong BlockTimeMs { get; init; } = 1000;

    public int MaxBlockTransactions { get; init; } = 10_000;

    /// <summary>Largest accepted signed transaction encoding, in bytes.</summary>
    public int MaxTxSize { get; init; } = 131_072;

    /// <summary>Number of recent state versions kept before pruning.</summary>
    public ulong StateHistory { get; init; } = 1024;

    public ulong EpochLength { get; init; } = 100;

    public int MaxValidators { get; init; } = 100;
}
