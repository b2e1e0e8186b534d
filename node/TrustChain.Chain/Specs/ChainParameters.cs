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

    // ---- HumanRegistry (DESIGN §4.2) ----

    /// <summary>An enrolment is a duplicate when at least this many of its dedup tags equal tags of one existing human.</summary>
    public int DedupMatch { get; init; } = 11;

    /// <summary>Most dedup tags an enrolment may carry (the palm pipeline's band count k must not exceed it).</summary>
    public int MaxDedupTags { get; init; } = 64;

    /// <summary>
    /// Owners one dedup tag value keeps (bounded per-tag owner lists; owner reads cost gas). A tag whose list is full is
    /// not recorded for a new human, who still enrols (see node/TrustChain.Biometrics/NOTES.md for the sizing).
    /// </summary>
    public int MaxOwnersPerTag { get; init; } = 256;

    /// <summary>Blocks after deleteIdentity before the erased human's dedup tags are freed.</summary>
    public ulong DeletionCooloffBlocks { get; init; } = 2_592_000;

    /// <summary>Blocks between a recovery request and its execution, during which the old identity key can cancel it.</summary>
    public ulong RecoveryDelayBlocks { get; init; } = 604_800;

    /// <summary>A human proof may use any root that was current within this many blocks.</summary>
    public ulong RootHistoryBlocks { get; init; } = 3_600;

    /// <summary>Smallest fee (wei) of verifyHuman.</summary>
    public UInt256 VerificationFee { get; init; } = (UInt256)10_000_000_000_000_000UL;

    /// <summary>Shares of the verifyHuman fee in basis points; prover + validators + operators = 10,000.</summary>
    public int VerificationProverBps { get; init; } = 4_000;

    public int VerificationValidatorBps { get; init; } = 3_000;

    public int VerificationOperatorBps { get; init; } = 3_000;

    // ---- CredentialRegistry (DESIGN §4.3) ----

    /// <summary>Smallest fee (wei) of verifyCredential.</summary>
    public UInt256 CredentialVerificationFee { get; init; } = (UInt256)1_000_000_000_000_000UL;

    /// <summary>Shares of the verifyCredential fee in basis points; issuer + validators + prover = 10,000.</summary>
    public int CredentialIssuerBps { get; init; } = 6_000;

    public int CredentialValidatorBps { get; init; } = 2_000;

    public int CredentialProverBps { get; init; } = 2_000;

    /// <summary>Blocks a proposal to slash an issuer stays open for validator votes.</summary>
    public ulong IssuerSlashWindowBlocks { get; init; } = 86_400;

    /// <summary>Blocks a slashed issuer stays jailed.</summary>
    public ulong IssuerJailBlocks { get; init; } = 604_800;

    // ---- ModelRegistry (DESIGN §4.4) ----

    /// <summary>Blocks after registerModel during which an earlier owner can challenge the registration as a copy.</summary>
    public ulong ModelChallengeWindowBlocks { get; init; } = 604_800;

    /// <summary>Fraction (bps) of an earlier model's revealed fingerprints the new model must answer to be struck.</summary>
    public int ChallengeThresholdBps { get; init; } = 5_000;

    /// <summary>Blocks after buyAccess after which unused escrow is refundable.</summary>
    public ulong AccessExpiryBlocks { get; init; } = 2_592_000;

    /// <summary>Share (bps) of a host's ModelHost stake slashed for serving a model it is not authorised for.</summary>
    public int InfringementSlashBps { get; init; } = 1_000;

    /// <summary>Share (bps) of the slashed amount paid to the reporter; the rest is burned.</summary>
    public int InfringementReporterBps { get; init; } = 5_000;

    // ---- Consensus (DESIGN §7) ----

    public ulong TimeoutProposeMs { get; init; } = 3_000;

    public ulong TimeoutProposeDeltaMs { get; init; } = 500;

    public ulong TimeoutPrevoteMs { get; init; } = 1_000;

    public ulong TimeoutPrevoteDeltaMs { get; init; } = 500;

    public ulong TimeoutPrecommitMs { get; init; } = 1_000;

    public ulong TimeoutPrecommitDeltaMs { get; init; } = 500;

    /// <summary>Wait after a commit before the next height starts, so slower validators' precommits still make the commit.</summary>
    public ulong TimeoutCommitMs { get; init; } = 1_000;

    public int DoubleSignSlashBps { get; init; } = 500;

    public int DowntimeSlashBps { get; init; } = 100;

    /// <summary>Blocks in the sliding window over which a validator's signed commits are counted.</summary>
    public ulong DowntimeWindow { get; init; } = 100;

    /// <summary>A validator that signed fewer than this share (bps) of the window's commits is slashed and jailed.</summary>
    public int DowntimeMinSignedBps { get; init; } = 5_000;

    /// <summary>Blocks a validator jailed for downtime waits before unjail.</summary>
    public ulong DowntimeJailBlocks { get; init; } = 600;

    // ---- Palm pipeline (DESIGN §6) ----

    /// <summary>Number k of LSH bands (dedup tags) per enrolment.</summary>
    public int PalmBands { get; init; } = 64;

    /// <summary>Number b of template bits per band.</summary>
    public int PalmBandBits { get; init; } = 8;

    /// <summary>Seed that fixes the band bit positions for the whole network (32 bytes).</summary>
    public Hash256 PalmBandSeed { get; init; } = Hash256.Zero;

    // A method rather than a static field: Default is built by a static initializer that may run before other fields'.
    private static UInt256 Trust(ulong amount) => (UInt256)amount * WeiPerTrust;
}
