using TrustChain.Chain.Specs;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// How a verifyCredential payment divides: issuer and validators get ⌊fee × bps / 10,000⌋ each, the prover gets the
/// rest (its own share plus the rounding remainder), so the three add up to the fee to the wei.
/// </summary>
public readonly record struct CredentialFeeSplit(UInt256 Issuer, UInt256 Validators, UInt256 Prover)
{
    public const uint BasisPoints = 10_000;

    public UInt256 Total => Issuer + Validators + Prover;

    public static CredentialFeeSplit Of(in UInt256 fee, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        UInt256 issuer = Share(fee, (uint)parameters.CredentialIssuerBps);
        UInt256 validators = Share(fee, (uint)parameters.CredentialValidatorBps);
        return new CredentialFeeSplit(issuer, validators, fee - issuer - validators);
    }

    // q·bps + r·bps/10⁴ equals ⌊fee·bps/10⁴⌋ and cannot overflow even for a fee near 2²⁵⁶.
    private static UInt256 Share(in UInt256 fee, uint bps)
    {
        UInt256.DivRem(fee, BasisPoints, out UInt256 quotient, out UInt256 remainder);
        return quotient * bps + remainder * bps / BasisPoints;
    }
}
