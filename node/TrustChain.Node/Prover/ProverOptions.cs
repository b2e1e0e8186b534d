namespace TrustChain.Node.Prover;

/// <summary>Limits of a prover node's services (flags --prover-rate, --prover-burst, --prover-zkey-dir).</summary>
public sealed record ProverOptions
{
    /// <summary>One enrolment (the genesis 224 bands) per second per operator on average.</summary>
    public const double DefaultRatePerSecond = 224;

    /// <summary>Ten enrolments back to back.</summary>
    public const int DefaultBurst = 2_240;

    public double RatePerSecond { get; init; } = DefaultRatePerSecond;

    public int Burst { get; init; } = DefaultBurst;

    /// <summary>Most blinded elements in one request.</summary>
    public int MaxElementsPerRequest { get; init; } = 256;

    /// <summary>How far in the future a request's expiry may lie (seconds).</summary>
    public ulong MaxExpirySeconds { get; init; } = 600;

    /// <summary>Directory with native Semaphore proving keys named semaphore-D.zkey, for prover_proveMembership; null: not offered.</summary>
    public string? ZkeyDirectory { get; init; }
}
