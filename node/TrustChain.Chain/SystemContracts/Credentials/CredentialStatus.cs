namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>Why a credential is or is not valid at a block, in the order the checks run.</summary>
public enum CredentialStatus : byte
{
    Valid = 0,
    Unknown = 1,
    Revoked = 2,
    Expired = 3,

    /// <summary>The issuer's Issuer stake is below the minimum (unstaked) or it is jailed.</summary>
    IssuerInactive = 4,

    /// <summary>A validator vote slashed the issuer at or after the block the credential was issued in.</summary>
    IssuerSlashed = 5,
}
