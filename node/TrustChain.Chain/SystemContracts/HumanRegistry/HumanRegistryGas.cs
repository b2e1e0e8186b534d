namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>
/// Gas per HumanRegistry method on top of the transaction's intrinsic gas. Tree writes are priced for the deepest
/// tree (32 levels: 33 node writes of ~5,000 plus Poseidon hashing); signature checks cost a Baby Jubjub
/// double-scalar multiplication; a Groth16 check is three pairings plus a 4-term MSM, priced well above the ~200,000
/// gas the EVM's pairing precompile would charge so verification cannot be used to stall blocks cheaply.
/// </summary>
public static class HumanRegistryGas
{
    public const ulong Enroll = 220_000;
    public const ulong PerTag = 8_000;

    /// <summary>
    /// Each owner read from a dedup tag's owner list (a storage read plus a counter update). At 10^8 humans with the
    /// genesis bands a tag value has ~N / 2^b owners, so this term, not PerTag, dominates enrolment at scale.
    /// </summary>
    public const ulong PerTagOwner = 200;
    public const ulong DeleteIdentity = 300_000;
    public const ulong Recover = 120_000;
    public const ulong CancelRecovery = 150_000;
    public const ulong ExecuteRecovery = 240_000;

    /// <summary>One Groth16 check with the official Semaphore key for the depth.</summary>
    public const ulong VerifyHuman = 500_000;

    /// <summary>Each TrustChain key registered for the same depth may be tried as well.</summary>
    public const ulong PerExtraKey = 350_000;

    public const ulong View = 2_500;
    public const ulong MerkleView = 2_500;
    public const ulong ListViewPerItem = 1_600;
}
