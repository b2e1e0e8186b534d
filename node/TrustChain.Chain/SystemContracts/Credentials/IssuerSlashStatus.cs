namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>Where a proposal to slash an issuer stands; a uint8 in the ABI.</summary>
public enum IssuerSlashStatus : byte
{
    None = 0,

    /// <summary>Accepting votes until its deadline block (exclusive).</summary>
    Open = 1,

    /// <summary>Reached two thirds of the active validator stake: the issuer was slashed and jailed.</summary>
    Executed = 2,

    /// <summary>The window closed without two thirds (reported as soon as the deadline passes, closed or not).</summary>
    Expired = 3,
}
