namespace TrustChain.Chain.SystemContracts.Credentials;

public static class CredentialStatuses
{
    /// <summary>The revert reason of verifyCredential and the text of invalidReason(); empty for a valid credential.</summary>
    public static string Describe(this CredentialStatus status) => status switch
    {
        CredentialStatus.Valid => "",
        CredentialStatus.Unknown => "unknown credential",
        CredentialStatus.Revoked => "credential is revoked",
        CredentialStatus.Expired => "credential has expired",
        CredentialStatus.IssuerInactive => "credential issuer is not an active Issuer (unstaked below the minimum or jailed)",
        CredentialStatus.IssuerSlashed => "credential issuer was slashed by a validator vote after issuing it",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown credential status"),
    };
}
