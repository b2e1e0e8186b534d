namespace TrustChain.Zk.Setup;

/// <summary>Outcome of <see cref="Phase2Setup.VerifySetup"/>: valid, or the first check that failed.</summary>
public sealed record Phase2VerificationResult(bool IsValid, string? Failure, IReadOnlyList<byte[]> ContributionHashes)
{
    internal static Phase2VerificationResult Fail(string failure) => new(false, failure, []);
}
