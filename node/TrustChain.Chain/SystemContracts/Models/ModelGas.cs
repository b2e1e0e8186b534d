namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// Gas per ModelRegistry method on top of the transaction's intrinsic gas, priced like Staking's (about 5,000 per
/// storage write, 800 per read, 3,000 per signature recovery, 100 per Keccak of a proof step) plus a margin.
/// </summary>
public static class ModelGas
{
    public const ulong Register = 90_000;
    public const ulong RegisterPerOwner = 12_000;
    public const ulong RegisterPerByte = 16;
    public const ulong HostApproval = 40_000;
    public const ulong BuyAccess = 45_000;
    public const ulong RefundExpired = 30_000;
    public const ulong Settle = 45_000;
    public const ulong SettlePerOwner = 9_000;
    public const ulong Report = 90_000;
    public const ulong ProofStep = 200;
    public const ulong Challenge = 40_000;
    public const ulong ChallengePerFingerprint = 6_000;
    public const ulong ProveOwnership = 4_000;
    public const ulong View = 2_500;
    public const ulong ModelView = 6_000;
    public const ulong ModelViewPerOwner = 1_600;
    public const ulong Digest = 1_000;
}
