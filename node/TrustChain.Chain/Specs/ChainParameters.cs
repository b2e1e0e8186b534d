using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>System parameters from the "params" section of genesis.json; absent entries take the defaults below.</summary>
public sealed class ChainParameters
{
    public const ulong OneGwei = 1_000_000_000;

    /// <summary>1 TRUST in wei (18 decimals, as ether).</summary>
    public const ulong WeiPerTrust = 1_000_000_000_000_000_000;

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

    /// <summary>Size of the active validator set: the top stakes, recomputed at epoch boundaries.</summary>
    public int MaxValidators { get; init; } = 100;

    /// <summary>Blocks between an unstake request and the withdrawal of its amount (7 days of 1 s blocks).</summary>
    public ulong UnbondingBlocks { get; init; } = 604_800;

    /// <summary>Smallest bonded stake (wei) of an active validator.</summary>
    public UInt256 MinValidatorStake { get; init; } = Trust(10_000);

    /// <summary>Smallest bonded stake (wei) of an active enrolment operator (palm scanner).</summary>
    public UInt256 MinEnrollmentOperatorStake { get; init; } = Trust(1_000);

    /// <summary>Smallest bonded stake (wei) of an active credential issuer.</summary>
    public UInt256 MinIssuerStake { get; init; } = Trust(100_000);

    /// <summary>Smallest bonded stake (wei) of an active ZK prover.</summary>
    public UInt256 MinProverStake { get; init; } = Trust(1_000);

    /// <summary>Smallest bonded stake (wei) of an active model host.</summary>
    public UInt256 MinModelHostStake { get; init; } = Trust(1_000);

    // A method rather than a static field: Default is built by a static initializer that may run before other fields'.
    private static UInt256 Trust(ulong amount) => (UInt256)amount * WeiPerTrust;
}
